package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;

/**
 * A data administrator adds an element and names its responsible department (责任清单) in one step: both or
 * neither. The responsibility row is written here, not through {@link SharingLists}, whose check reads the catalog
 * snapshot, which learns of the new element only after the commit.
 */
@Service
class ElementCreation {

    private final ElementStore elements;
    private final JdbcClient jdbc;
    private final CatalogChanges changes;
    private final Directory directory;

    ElementCreation(ElementStore elements, JdbcClient jdbc, CatalogChanges changes, Directory directory) {
        this.elements = elements;
        this.jdbc = jdbc;
        this.changes = changes;
        this.directory = directory;
    }

    /** @param responsible the responsible department's code, or blank for an element no department is responsible for */
    @Transactional
    DataElement create(ElementForm form, String responsible, String legalBasis, String actor) {
        List<Violation> violations = new ArrayList<>();
        String department = Checks.blank(responsible) ? null : responsible.strip();
        String basis = Checks.blank(legalBasis) ? "" : legalBasis.strip();
        if (department != null && directory.department(department).isEmpty()) {
            violations.add(Violation.of("responsible", "unknown-department", department));
        }
        Checks.maxLength(violations, "legalBasis", basis, 1000);
        DataElement created = null;
        try {
            created = elements.create(form, actor);
        } catch (InvalidInputException e) {
            violations.addAll(0, e.violations());
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations); // rolls the element back too
        if (department != null) {
            jdbc.sql("INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES (?, ?, ?)")
                    .params(created.code(), department, basis).update();
            changes.changed(SharingList.RESPONSIBILITY.part, CatalogChanged.Change.ADDED, created.code(), actor);
        }
        return created;
    }
}
