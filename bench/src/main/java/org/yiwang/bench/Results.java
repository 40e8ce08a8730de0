package org.yiwang.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One line per figure, {@code RESULT <name>=<value> <unit>}, so runs can be compared by a script. */
final class Results {

    private Results() {}

    static void result(String name, double value, String unit) {
        System.out.println("RESULT " + name + "=" + format(value) + " " + unit);
    }

    /** Context for a human reading the output; never parsed. */
    static void note(String text) {
        System.out.println("# " + text);
    }

    private static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return "NaN";
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        int scale = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 3;
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
