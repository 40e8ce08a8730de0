package org.yiwang.directory;

/**
 * A government department (委办局) or a street office.
 *
 * @param code         stable code, e.g. {@code 310104-SCJG} for the district market regulation bureau
 * @param name         Chinese name
 * @param nameEn       English name
 * @param level        city, district or street
 * @param divisionCode the division it serves
 */
public record Department(String code, String name, String nameEn, Level level, String divisionCode) {

    public enum Level { CITY, DISTRICT, STREET }
}
