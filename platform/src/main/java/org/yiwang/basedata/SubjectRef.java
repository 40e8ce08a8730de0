package org.yiwang.basedata;

import org.yiwang.kernel.SubjectType;

/**
 * Names a subject by its natural key: citizen ID number for a person, unified social credit code for a legal
 * entity, house code for a house. Hold it only as long as needed: {@link #toString()} masks the key.
 */
public record SubjectRef(SubjectType type, String key) {

    public static SubjectRef person(String citizenId) {
        return new SubjectRef(SubjectType.PERSON, citizenId);
    }

    public static SubjectRef legalEntity(String creditCode) {
        return new SubjectRef(SubjectType.LEGAL_ENTITY, creditCode);
    }

    public static SubjectRef house(String houseCode) {
        return new SubjectRef(SubjectType.HOUSE, houseCode);
    }

    @Override
    public String toString() {
        return type + ":" + org.yiwang.kernel.Masking.generic(key);
    }
}
