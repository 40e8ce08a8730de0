package org.yiwang.basedata;

import java.time.Instant;

/**
 * Where a value came from.
 *
 * @param sourceDepartment the department that supplied it; {@code null} when the subject declared it themself
 * @param method           how it was obtained
 * @param at               when the source asserted it
 */
public record Provenance(String sourceDepartment, Method method, Instant at) {}
