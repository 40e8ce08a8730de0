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
        if (blank(value)) violations.add(new Violation(field, "required", "必填 / required"));
    }

    static void maxLength(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "max-length", "长度超过" + max + " / longer than " + max));
        }
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
    }

    static InvalidInputException duplicate(String field, String what) {
        return new InvalidInputException(List.of(new Violation(field, "duplicate", "已存在 / already exists: " + what)), 409);
    }
}
