package org.yiwang.catalog;

import java.util.List;

/**
 * Why a sharing decision came out as it did: every rule of {@link SharingPolicy} in order, with its outcome.
 *
 * @param consumer    who asked
 * @param elementCode the element
 * @param purpose     the declared purpose
 * @param decision    the decision, identical to {@link SharingPolicy#decide}
 * @param steps       the rules in evaluation order
 */
public record SharingExplanation(Consumer consumer, String elementCode, String purpose, SharingDecision decision,
                                 List<Step> steps) {

    public SharingExplanation {
        steps = List.copyOf(steps);
    }

    /**
     * @param rule    {@code KNOWN_ELEMENT}, {@code SELF}, {@code NEGATIVE_LIST}, {@code RESPONSIBLE_DEPARTMENT},
     *                {@code DEMAND_LIST}, {@code DEFAULT_DENY}
     * @param outcome whether the rule decided, did not apply, or was not reached because an earlier rule decided
     * @param detail  what the rule looked at (Chinese / English)
     */
    public record Step(String rule, Outcome outcome, String detail) {}

    public enum Outcome { DECIDED, NOT_APPLICABLE, NOT_REACHED }
}
