package org.yiwang.basedata;

/**
 * A current value as given to a reader.
 *
 * @param element    the data element code
 * @param value      the value, masked when {@code masked}
 * @param masked     whether policy hid part of it
 * @param provenance where it came from
 */
public record ElementValue(String element, String value, boolean masked, Provenance provenance) {}
