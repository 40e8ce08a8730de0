package org.yiwang.kernel;

/** The three kinds of subject in the base (基础库): persons (人口), legal entities (法人), houses (房屋). */
public enum SubjectType {
    PERSON,
    LEGAL_ENTITY,
    HOUSE
}
