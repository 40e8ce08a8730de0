package org.yiwang.catalog;

/**
 * A purpose of use (用途) a demand-list entry is granted for: a governance purpose such as
 * {@code GRASSROOTS_GOVERNANCE}, or a service item code registered by the services module.
 */
public record Purpose(String code, String nameZh, String nameEn) {}
