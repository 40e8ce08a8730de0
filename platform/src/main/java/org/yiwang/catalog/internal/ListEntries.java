package org.yiwang.catalog.internal;

/** The rows of the three lists (三清单). */
public final class ListEntries {

    private ListEntries() {}

    /** 责任清单: the authoritative department of an element. */
    public record Responsibility(String element, String department, String legalBasis) {}

    /** 需求清单: a department may use an element for a purpose; {@code clear}: sensitive values unmasked. */
    public record Demand(long id, String department, String purpose, String element, String legalBasis,
                         boolean clear) {}

    /** 负面清单: an element never shared. */
    public record Negative(String element, String reason, String legalBasis) {}
}
