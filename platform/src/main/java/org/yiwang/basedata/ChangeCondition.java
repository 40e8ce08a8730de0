package org.yiwang.basedata;

/**
 * A test on what one write did to one element, answered by {@link ChangeLog#met} inside the base so that the values
 * never leave it.
 *
 * @param op {@code CHANGED}: the element changed; {@code GAINS}: its new value contains {@code value} and the old one
 *           did not (e.g. a business scope gains 理发); {@code EQUALS}: its new value equals {@code value}
 */
public record ChangeCondition(String element, Op op, String value) {

    public enum Op { CHANGED, GAINS, EQUALS }

    /** Whether a change of the element from {@code before} to {@code after} ({@code null}: absent) meets it. */
    public boolean test(String before, String after) {
        String old = before == null ? "" : before;
        String now = after == null ? "" : after;
        return switch (op) {
            case CHANGED -> true;
            case GAINS -> now.contains(value) && !old.contains(value);
            case EQUALS -> now.equals(value);
        };
    }
}
