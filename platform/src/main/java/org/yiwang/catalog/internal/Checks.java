package org.yiwang.catalog.internal;

import java.util.List;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;

/** Small helpers to collect every broken rule of a command before refusing it. */
final class Checks {

    private Checks() {}

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null ? null : s.strip();
    }

    static void required(List<Violation> violations, String field, String value) {
        if (blank(value)) violations.add(Violation.keyed(field, "required", "catalog.problem.required"));
    }

    static void maxLength(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(Violation.keyed(field, "max-length", "catalog.problem.max-length", max));
        }
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
    }

    /** A conflict (409) with the catalog's own wording {@code key}. */
    static InvalidInputException duplicate(String field, String key, Object... args) {
        return new InvalidInputException(List.of(Violation.keyed(field, "duplicate", key, args)), 409);
    }
}
