package org.yiwang.catalog.internal;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged.Change;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.internal.ListEntries.Demand;
import org.yiwang.catalog.internal.ListEntries.Negative;
import org.yiwang.catalog.internal.ListEntries.Responsibility;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;

/**
 * The three lists (三清单): entries added and removed one by one, or a whole list replaced from a spreadsheet.
 * An import is all-or-nothing: the lists are small and must stay consistent, so one bad row refuses the file and
 * the list stays as it was.
 */
@Service
class SharingLists {

    private final JdbcClient jdbc;
    private final CatalogSnapshots snapshots;
    private final CatalogChanges changes;
    private final Directory directory;
    private final ViolationTexts texts;

    SharingLists(JdbcClient jdbc, CatalogSnapshots snapshots, CatalogChanges changes, Directory directory,
            ViolationTexts texts) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.changes = changes;
        this.directory = directory;
        this.texts = texts;
    }

    List<Responsibility> responsibility() {
        return List.copyOf(snapshots.current().responsibility().values());
    }

    List<Demand> demand() {
        return snapshots.current().demandEntries();
    }

    List<Negative> negative() {
        return List.copyOf(snapshots.current().negative().values());
    }

    int count(SharingList list) {
        return switch (list) {
            case RESPONSIBILITY -> responsibility().size();
            case DEMAND -> demand().size();
            case NEGATIVE -> negative().size();
        };
    }

    // --- one entry at a time --------------------------------------------------------------------------------

    @Transactional
    public Responsibility addResponsibility(Responsibility entry, String actor) {
        Responsibility r = normalise(entry);
        Checks.throwIfAny(check(r, departmentCodes()));
        int added = jdbc.sql("""
                INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(r.element(), r.department(), r.legalBasis()).update();
        if (added == 0) throw Checks.duplicate("element", "catalog.problem.duplicate-responsibility", r.element());
        changes.changed(SharingList.RESPONSIBILITY.part, Change.ADDED, r.element(), actor);
        return r;
    }

    @Transactional
    public Demand addDemand(Demand entry, String actor) {
        Demand d = normalise(entry);
        Checks.throwIfAny(check(d, departmentCodes()));
        Long id = jdbc.sql("""
                INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
                .params(d.department(), d.purpose(), d.element(), d.legalBasis(), d.clear())
                .query(Long.class).optional().orElseThrow(() -> Checks.duplicate("element",
                        "catalog.problem.duplicate-demand", d.department(), d.purpose(), d.element()));
        changes.changed(SharingList.DEMAND.part, Change.ADDED, d.element(), actor);
        return new Demand(id, d.department(), d.purpose(), d.element(), d.legalBasis(), d.clear());
    }

    @Transactional
    public Negative addNegative(Negative entry, String actor) {
        Negative n = normalise(entry);
        Checks.throwIfAny(check(n));
        int added = jdbc.sql("INSERT INTO catalog_negative (element_code, reason, legal_basis) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(n.element(), n.reason(), n.legalBasis()).update();
        if (added == 0) throw Checks.duplicate("element", "catalog.problem.duplicate-negative", n.element());
        changes.changed(SharingList.NEGATIVE.part, Change.ADDED, n.element(), actor);
        return n;
    }

    @Transactional
    public void removeResponsibility(String element, String actor) {
        removed(jdbc.sql("DELETE FROM catalog_responsibility WHERE element_code = ?").param(element).update(), "element", element);
        changes.changed(SharingList.RESPONSIBILITY.part, Change.REMOVED, element, actor);
    }

    @Transactional
    public void removeDemand(long id, String actor) {
        String element = jdbc.sql("DELETE FROM catalog_demand WHERE id = ? RETURNING element_code").param(id)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundProblem("id", texts.text("catalog.problem.no-such-demand-entry",
                        new Object[] {String.valueOf(id)}, "no such demand entry: " + id)));
        changes.changed(SharingList.DEMAND.part, Change.REMOVED, element, actor);
    }

    @Transactional
    public void removeNegative(String element, String actor) {
        removed(jdbc.sql("DELETE FROM catalog_negative WHERE element_code = ?").param(element).update(), "element", element);
        changes.changed(SharingList.NEGATIVE.part, Change.REMOVED, element, actor);
    }

    private void removed(int rows, String field, String key) {
        if (rows == 0) {
            throw new NotFoundProblem(field, texts.text("catalog.problem.no-such-entry", new Object[] {key}, "no such entry: " + key));
        }
    }

    // --- spreadsheets ---------------------------------------------------------------------------------------

    byte[] export(SharingList list) {
        Map<String, DataElement> elements = snapshots.current().elements();
        Function<String, String> name = code -> elements.containsKey(code) ? elements.get(code).nameZh() : "";
        return switch (list) {
            case RESPONSIBILITY -> ListWorkbook.write(list, responsibility(), r -> Map.of("element", r.element(),
                    "elementName", name.apply(r.element()), "department", r.department(), "legalBasis", r.legalBasis()));
            case DEMAND -> ListWorkbook.write(list, demand(), d -> Map.of("department", d.department(), "purpose",
                    d.purpose(), "element", d.element(), "elementName", name.apply(d.element()), "clear",
                    d.clear() ? "是" : "否", "legalBasis", d.legalBasis()));
            case NEGATIVE -> ListWorkbook.write(list, negative(), n -> Map.of("element", n.element(),
                    "elementName", name.apply(n.element()), "reason", n.reason(), "legalBasis", n.legalBasis()));
        };
    }

    /**
     * Replaces a whole list with the rows of a spreadsheet, or refuses the file with every bad row and column.
     *
     * @return the number of entries now in the list
     */
    @Transactional
    public int importWorkbook(SharingList list, InputStream in, String actor) {
        List<ListWorkbook.SheetRow> rows = ListWorkbook.read(list, in);
        Set<String> departments = departmentCodes();
        List<ListImportRejected.RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Object> entries = new ArrayList<>();
        for (ListWorkbook.SheetRow row : rows) {
            List<Violation> violations = new ArrayList<>();
            Object entry;
            String key;
            switch (list) {
                case RESPONSIBILITY -> {
                    Responsibility r = normalise(new Responsibility(row.get("element"), row.get("department"), row.get("legalBasis")));
                    violations.addAll(check(r, departments));
                    entry = r;
                    key = r.element();
                }
                case DEMAND -> {
                    Boolean clear = yesNo(row.get("clear"));
                    if (clear == null) violations.add(Violation.keyed("clear", "boolean", "catalog.problem.boolean"));
                    Demand d = normalise(new Demand(0, row.get("department"), row.get("purpose"), row.get("element"),
                            row.get("legalBasis"), Boolean.TRUE.equals(clear)));
                    violations.addAll(check(d, departments));
                    entry = d;
                    key = d.department() + "|" + d.purpose() + "|" + d.element();
                }
                default -> {
                    Negative n = normalise(new Negative(row.get("element"), row.get("reason"), row.get("legalBasis")));
                    violations.addAll(check(n));
                    entry = n;
                    key = n.element();
                }
            }
            if (violations.isEmpty() && !seen.add(key)) {
                violations.add(Violation.keyed("element", "duplicate", "catalog.problem.duplicate-row", key.replace("|", " / ")));
            }
            violations.forEach(v -> errors.add(new ListImportRejected.RowError(row.number(), list.letter(v.field()),
                    v.field(), v.rule(), texts.detail(v))));
            entries.add(entry);
        }
        if (!errors.isEmpty()) throw new ListImportRejected(errors);
        replace(list, entries);
        changes.changed(list.part, Change.IMPORTED, null, actor);
        return entries.size();
    }

    private void replace(SharingList list, List<Object> entries) {
        switch (list) {
            case RESPONSIBILITY -> {
                jdbc.sql("DELETE FROM catalog_responsibility").update();
                for (Object o : entries) {
                    Responsibility r = (Responsibility) o;
                    jdbc.sql("INSERT INTO catalog_responsibility (element_code, department_code, legal_basis) VALUES (?, ?, ?)")
                            .params(r.element(), r.department(), r.legalBasis()).update();
                }
            }
            case DEMAND -> {
                jdbc.sql("DELETE FROM catalog_demand").update();
                for (Object o : entries) {
                    Demand d = (Demand) o;
                    jdbc.sql("""
                            INSERT INTO catalog_demand (department_code, purpose_code, element_code, legal_basis, in_clear)
                            VALUES (?, ?, ?, ?, ?)""")
                            .params(d.department(), d.purpose(), d.element(), d.legalBasis(), d.clear()).update();
                }
            }
            case NEGATIVE -> {
                jdbc.sql("DELETE FROM catalog_negative").update();
                for (Object o : entries) {
                    Negative n = (Negative) o;
                    jdbc.sql("INSERT INTO catalog_negative (element_code, reason, legal_basis) VALUES (?, ?, ?)")
                            .params(n.element(), n.reason(), n.legalBasis()).update();
                }
            }
        }
    }

    // --- rules ------------------------------------------------------------------------------------------------

    private List<Violation> check(Responsibility r, Set<String> departments) {
        List<Violation> violations = new ArrayList<>();
        element(violations, r.element());
        department(violations, r.department(), departments);
        Checks.maxLength(violations, "legalBasis", r.legalBasis(), 1000);
        return violations;
    }

    private List<Violation> check(Demand d, Set<String> departments) {
        List<Violation> violations = new ArrayList<>();
        department(violations, d.department(), departments);
        Checks.required(violations, "purpose", d.purpose());
        if (!Checks.blank(d.purpose()) && !snapshots.current().purposes().containsKey(d.purpose())) {
            violations.add(Violation.keyed("purpose", "unknown-purpose", "catalog.problem.unknown-purpose", d.purpose()));
        }
        element(violations, d.element());
        Checks.required(violations, "legalBasis", d.legalBasis());
        Checks.maxLength(violations, "legalBasis", d.legalBasis(), 1000);
        return violations;
    }

    private List<Violation> check(Negative n) {
        List<Violation> violations = new ArrayList<>();
        element(violations, n.element());
        Checks.required(violations, "reason", n.reason());
        Checks.maxLength(violations, "reason", n.reason(), 1000);
        Checks.maxLength(violations, "legalBasis", n.legalBasis(), 1000);
        return violations;
    }

    private void element(List<Violation> violations, String code) {
        Checks.required(violations, "element", code);
        if (!Checks.blank(code) && !snapshots.current().elements().containsKey(code)) {
            violations.add(Violation.keyed("element", "unknown-element", "catalog.problem.unknown-element", code));
        }
    }

    private static void department(List<Violation> violations, String code, Set<String> departments) {
        Checks.required(violations, "department", code);
        if (!Checks.blank(code) && !departments.contains(code)) {
            violations.add(Violation.keyed("department", "unknown-department", "catalog.problem.unknown-department", code));
        }
    }

    private Set<String> departmentCodes() {
        return directory.departments().stream().map(Department::code).collect(Collectors.toSet());
    }

    private static Boolean yesNo(String text) {
        return switch (text.strip().toLowerCase()) {
            case "", "否", "false", "n", "no", "0" -> false;
            case "是", "true", "y", "yes", "1" -> true;
            default -> null;
        };
    }

    private static Responsibility normalise(Responsibility r) {
        return new Responsibility(Checks.trim(r.element()), Checks.trim(r.department()), nonNull(r.legalBasis()));
    }

    private static Demand normalise(Demand d) {
        return new Demand(d.id(), Checks.trim(d.department()), Checks.trim(d.purpose()), Checks.trim(d.element()),
                nonNull(d.legalBasis()), d.clear());
    }

    private static Negative normalise(Negative n) {
        return new Negative(Checks.trim(n.element()), nonNull(n.reason()), nonNull(n.legalBasis()));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }
}
