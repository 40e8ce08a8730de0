package org.yiwang.basedata;

import java.time.Clock;
import java.time.Instant;

/**
 * Who asserts a set of facts and why: the provenance new values get, plus the purpose the write is audited
 * under and a free-text reason kept in the history.
 */
public record Attribution(String sourceDepartment, Method method, Instant at, String purpose, String reason) {

    public Provenance provenance() {
        return new Provenance(sourceDepartment, method, at);
    }

    /** Asserted now by the given clock (the city's {@link Clock} bean). */
    public static Attribution of(Clock clock, String sourceDepartment, Method method, String purpose, String reason) {
        return new Attribution(sourceDepartment, method, clock.instant(), purpose, reason);
    }

    /** Asserted now by the system clock; prefer {@link #of(Clock, String, Method, String, String)}. */
    public static Attribution of(String sourceDepartment, Method method, String purpose, String reason) {
        return of(Clock.systemUTC(), sourceDepartment, method, purpose, reason);
    }
}
