package org.yiwang.licenses;

/**
 * A field a license shows.
 *
 * @param name    key in {@link License#fields()}, e.g. {@code name}
 * @param labelZh Chinese label
 * @param labelEn English label
 * @param element the data element this field states (fed into the base as an authoritative value on issue), or
 *                {@code null} when it states nothing the base keeps
 */
public record LicenseField(String name, String labelZh, String labelEn, String element) {}
