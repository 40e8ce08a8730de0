package org.yiwang.basedata.internal;

import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.SubjectType;

/**
 * What differs between persons, legal entities and houses: the key element and which elements are promoted to
 * indexed columns of {@code basedata_subject}.
 */
enum SubjectKind {

    PERSON(SubjectType.PERSON, "person.citizen_id", "person.division", "person.grid", "person.phone", null),
    LEGAL_ENTITY(SubjectType.LEGAL_ENTITY, "entity.credit_code", "entity.division", null, "entity.phone",
            "entity.legal_rep_citizen_id"),
    HOUSE(SubjectType.HOUSE, "house.code", "house.division", null, null, "house.owner_citizen_id");

    final SubjectType type;
    final String keyElement;
    final String divisionElement;
    final String gridElement;
    final String phoneElement;
    /** The citizen ID element linking the subject to a person (legal representative, owner). */
    final String personRefElement;

    SubjectKind(SubjectType type, String keyElement, String divisionElement, String gridElement, String phoneElement,
                String personRefElement) {
        this.type = type;
        this.keyElement = keyElement;
        this.divisionElement = divisionElement;
        this.gridElement = gridElement;
        this.phoneElement = phoneElement;
        this.personRefElement = personRefElement;
    }

    static SubjectKind of(SubjectType type) {
        if (type == null) throw InvalidInputException.of("type", "unknown-subject-type");
        return valueOf(type.name());
    }

    static SubjectKind of(SubjectRef subject) {
        if (subject == null) throw InvalidInputException.of("subject", "subject-required");
        return of(subject.type());
    }

    /** Validates and normalises a natural key; the field named in errors is the key element. */
    String normaliseKey(Catalog catalog, String raw) {
        Text.noNul(keyElement, raw);
        return switch (this) {
            case PERSON -> CitizenId.parse(keyElement, raw).value();
            case LEGAL_ENTITY -> CreditCode.parse(keyElement, raw).value();
            case HOUSE -> catalog.validate(keyElement, raw);
        };
    }

    String display(String key) {
        return this == PERSON ? Masking.citizenId(key) : key;
    }

}
