package org.yiwang.basedata;

/** A value for a data element, as typed or received (validated and normalised by the catalog on write). */
public record Fact(String element, String value) {}
