package org.yiwang.basedata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Fact;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Directory;
import org.yiwang.directory.Division;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;

/**
 * Checks every offered fact against the catalog and the facts it must agree with, and returns the normalised
 * values, or all the violations: a person's gender and birth date as their citizen ID encodes them, divisions
 * and grids that exist in the directory.
 */
@Component
class FactValidator {

    static final String GENDER = "person.gender";
    static final String BIRTH_DATE = "person.birth_date";

    private final Catalog catalog;
    private final Directory directory;
    /** Division levels by code: reference data, looked up once per code (imports check every row). */
    private final Map<String, Division.Level> levels = new ConcurrentHashMap<>();

    FactValidator(Catalog catalog, Directory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    /** @throws InvalidInputException listing every violation */
    Map<String, String> validate(SubjectKind kind, List<Fact> facts) {
        Map<String, String> normalised = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (Fact fact : facts) {
            try {
                if (fact == null || fact.element() == null) {
                    violations.add(Violation.of("facts", "null-element"));
                    continue;
                }
                DataElement element = catalog.require(fact.element());
                if (element.subjectType() != kind.type) {
                    violations.add(Violation.of(fact.element(), "element-subject-type", kind.type.name()));
                    continue;
                }
                if (fact.value() == null || fact.value().isBlank()) continue;
                String value = catalog.validate(fact.element(), Text.noNul(fact.element(), fact.value()));
                if (element.type() == DataElement.ValueType.DIVISION) {
                    Violation v = division(fact.element(), value, fact.element().equals(kind.gridElement));
                    if (v != null) {
                        violations.add(v);
                        continue;
                    }
                }
                normalised.put(fact.element(), value);
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (kind == SubjectKind.PERSON && normalised.containsKey(kind.keyElement)) {
            agreeWithCitizenId(new CitizenId(normalised.get(kind.keyElement)), normalised, violations);
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return normalised;
    }

    /** GB 11643: the ID encodes the birth date (digits 7–14) and the gender (digit 17, odd for men). */
    private void agreeWithCitizenId(CitizenId id, Map<String, String> values, List<Violation> violations) {
        String gender = values.get(GENDER);
        if (gender != null && (gender.equals("1") || gender.equals("2")) && !gender.equals(id.genderCode())) {
            violations.add(Violation.of(GENDER, "id-gender", catalog.codeLabel(codeTable(GENDER), id.genderCode())));
        }
        String birth = values.get(BIRTH_DATE);
        if (birth != null && !birth.equals(String.valueOf(id.birthDate()))) {
            violations.add(Violation.of(BIRTH_DATE, "id-birth-date", String.valueOf(id.birthDate())));
        }
    }

    private String codeTable(String element) {
        return catalog.element(element).map(DataElement::codeTable).orElse(null);
    }

    private Violation division(String element, String code, boolean grid) {
        Division.Level level = levels.get(code);
        if (level == null) {
            level = directory.division(code).map(Division::level).orElse(null);
            if (level == null) return Violation.of(element, "unknown-division", code);
            levels.put(code, level);
        }
        return grid && level != Division.Level.GRID ? Violation.of(element, "not-a-grid", code) : null;
    }
}
