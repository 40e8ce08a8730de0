package org.yiwang.services.internal.application;

import java.util.List;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;
import org.yiwang.services.Bundle;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/** What is applied for: one item, or a bundle of items applied for together. */
record Target(Kind kind, String code, String nameZh, String nameEn, List<ServiceItem> items) {

    enum Kind { ITEM, BUNDLE }

    static Target resolve(ServiceCatalog catalog, Kind kind, String code) {
        if (kind == Kind.ITEM) {
            ServiceItem item = catalog.requireItem(code);
            return new Target(kind, code, item.nameZh(), item.nameEn(), List.of(item));
        }
        Bundle bundle = catalog.requireBundle(code);
        List<ServiceItem> items = bundle.items().stream().map(catalog::requireItem).toList();
        SubjectType type = items.get(0).applicantType();
        if (items.stream().anyMatch(i -> i.applicantType() != type)) {
            throw new InvalidInputException(List.of(InvalidInputException.Violation.keyed("bundle", "applicant-type",
                    "services.problem.mixed-applicant-types")));
        }
        return new Target(kind, code, bundle.nameZh(), bundle.nameEn(), items);
    }

    SubjectType applicantType() {
        return items.get(0).applicantType();
    }

    /** The purpose the applicant's own reads are audited under: the item's, or for a bundle the bundle itself. */
    String readPurpose() {
        return kind == Kind.ITEM ? items.get(0).purpose() : code;
    }

    boolean needsHouse() {
        return items.stream().flatMap(i -> i.elements().stream()).anyMatch(e -> e.element().startsWith("house."));
    }
}
