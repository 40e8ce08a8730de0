package org.yiwang.kernel;

/**
 * A read or action refused by policy (negative list, no demand entry, out of data scope, ...). Rendered as a
 * 403 problem response carrying the reason code so a data administrator can look it up in the explain view.
 */
public class AccessDeniedProblem extends RuntimeException {

    private final String reason;
    private final String field;

    public AccessDeniedProblem(String field, String reason, String detail) {
        super(detail);
        this.field = field;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
