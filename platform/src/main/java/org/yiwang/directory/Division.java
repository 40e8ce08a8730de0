package org.yiwang.directory;

/**
 * An administrative division or grid.
 *
 * @param code       2/4/6/9/12-digit division code, or 15 digits for a grid inside a community
 * @param name       Chinese name
 * @param level      its level
 * @param parentCode the enclosing division, {@code null} for a province
 */
public record Division(String code, String name, Level level, String parentCode) {

    public enum Level { PROVINCE, CITY, COUNTY, STREET, COMMUNITY, GRID }
}
