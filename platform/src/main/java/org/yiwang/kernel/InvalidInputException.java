package org.yiwang.kernel;

import java.util.List;

/**
 * Input that breaks a rule. Rendered as {@code application/problem+json} (HTTP 400 by default) naming every
 * offending field and the rule it broke; the command that raised it writes nothing.
 */
public class InvalidInputException extends RuntimeException {

    /**
     * One broken rule: the field (or data element code), the rule's name, and a human-readable detail. The detail
     * people read comes from the message bundles, key {@code problem.<rule>} (or the violation's own {@code key},
     * where a module's wording must not meet another module's rule of the same name) with {@code args} as its
     * arguments, in the reader's language ({@link ViolationTexts}); {@code detail} is the fallback when no bundle
     * has the key.
     */
    public record Violation(String field, String rule, String detail, List<Object> args, String key) {

        public Violation {
            args = args == null ? List.of() : List.copyOf(args);
            if (key == null) key = "problem." + rule;
        }

        public Violation(String field, String rule, String detail, List<Object> args) {
            this(field, rule, detail, args, null);
        }

        public Violation(String field, String rule, String detail) {
            this(field, rule, detail, List.of(), null);
        }

        /** A violation whose text is the bundle's {@code problem.<rule>} with these arguments. */
        public static Violation of(String field, String rule, Object... args) {
            return new Violation(field, rule, null, List.of(args), null);
        }

        /** A violation whose text is the bundle's {@code key} (a module's own wording) with these arguments. */
        public static Violation keyed(String field, String rule, String key, Object... args) {
            return new Violation(field, rule, null, List.of(args), key);
        }

        public Violation withDetail(String text) {
            return new Violation(field, rule, text, args, key);
        }
    }

    private final List<Violation> violations;
    private final int status;

    public InvalidInputException(String field, String rule, String detail) {
        this(List.of(new Violation(field, rule, detail)), 400);
    }

    /** One broken rule whose text is the bundle's {@code problem.<rule>} with these arguments. */
    public static InvalidInputException of(String field, String rule, Object... args) {
        return new InvalidInputException(List.of(Violation.of(field, rule, args)), 400);
    }

    public InvalidInputException(List<Violation> violations) {
        this(violations, 400);
    }

    public InvalidInputException(List<Violation> violations, int status) {
        super(violations.isEmpty() ? "invalid input"
                : violations.get(0).field() + ": " + (violations.get(0).detail() != null ? violations.get(0).detail()
                        : violations.get(0).rule()));
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
