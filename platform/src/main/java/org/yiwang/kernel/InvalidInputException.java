package org.yiwang.kernel;

import java.util.List;

/**
 * Input that breaks a rule. Rendered as {@code application/problem+json} (HTTP 400 by default) naming every
 * offending field and the rule it broke; the command that raised it writes nothing.
 */
public class InvalidInputException extends RuntimeException {

    /** One broken rule: the field (or data element code), the rule's name, and a human-readable detail. */
    public record Violation(String field, String rule, String detail) {}

    private final List<Violation> violations;
    private final int status;

    public InvalidInputException(String field, String rule, String detail) {
        this(List.of(new Violation(field, rule, detail)), 400);
    }

    public InvalidInputException(List<Violation> violations) {
        this(violations, 400);
    }

    public InvalidInputException(List<Violation> violations, int status) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).field() + ": " + violations.get(0).detail());
        this.violations = List.copyOf(violations);
        this.status = status;
    }

    public List<Violation> violations() {
        return violations;
    }

    public int status() {
        return status;
    }
}
