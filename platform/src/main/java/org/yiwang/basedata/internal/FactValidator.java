package org.yiwang.basedata.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Fact;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;

/** Checks every offered fact against the catalog and returns the normalised values, or all the violations. */
@Component
class FactValidator {

    private final Catalog catalog;

    FactValidator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @throws InvalidInputException listing every violation */
    Map<String, String> validate(SubjectKind kind, List<Fact> facts) {
        Map<String, String> normalised = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (Fact fact : facts) {
            try {
                DataElement element = catalog.require(fact.element());
                if (element.subjectType() != kind.type) {
                    throw new InvalidInputException(fact.element(), "subject-type",
                            "数据元不属于" + kind.type + " / element does not describe a " + kind.type);
                }
                if (fact.value() == null || fact.value().isBlank()) continue;
                normalised.put(fact.element(), catalog.validate(fact.element(), fact.value()));
            } catch (InvalidInputException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return normalised;
    }
}
