package org.yiwang.basedata;

/**
 * How a value was obtained. Authority ranks AUTHORITATIVE (from the element's responsible department) above
 * COLLECTED (by grassroots collection) above SELF_DECLARED and DERIVED.
 */
public enum Method {
    AUTHORITATIVE(3),
    COLLECTED(2),
    SELF_DECLARED(1),
    DERIVED(1);

    private final int rank;

    Method(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
