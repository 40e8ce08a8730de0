package org.yiwang.kernel;

/** Something named in a request does not exist; rendered as a 404 problem response. */
public class NotFoundProblem extends RuntimeException {

    private final String field;

    public NotFoundProblem(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
