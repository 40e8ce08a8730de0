package org.yiwang.kernel;

import java.util.regex.Pattern;

/**
 * An administrative division code: 2 (province), 4 (city), 6 (county, GB/T 2260), 9 (street/township) or
 * 12 digits (community/village, statistics bureau), extended here by 3 more digits for grids (15).
 * A code contains another when it is a prefix of it.
 */
public record DivisionCode(String value) {

    private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}|\\d{15}");

    public DivisionCode {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new InvalidInputException(java.util.List.of(InvalidInputException.Violation.keyed("divisionCode", "format",
                    "kernel.problem.division-code-format")));
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value);
    }

    public boolean contains(DivisionCode other) {
        return other != null && other.value.startsWith(value);
    }

    public boolean contains(String other) {
        return other != null && other.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
