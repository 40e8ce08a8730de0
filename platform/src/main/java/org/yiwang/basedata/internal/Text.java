package org.yiwang.basedata.internal;

import org.yiwang.kernel.InvalidInputException;

/** Checks on free text that reaches the database, and a safe echo of a caller's input in a message. */
final class Text {

    private Text() {}

    /** PostgreSQL text cannot hold NUL: refused as input (400), never failing the statement (500). */
    static String noNul(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) throw InvalidInputException.of(field, "nul-byte");
        return value;
    }

    /** The caller's text without control characters, cut short, for quoting in a problem's detail. */
    static String printable(String value) {
        String s = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
