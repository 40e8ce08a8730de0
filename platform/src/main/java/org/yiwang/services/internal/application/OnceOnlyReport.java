package org.yiwang.services.internal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * The once-only figure (一次填报): what applicants actually typed and uploaded for a target, against what the
 * departments' own paper forms would have asked of them — taken from the catalog's paper-form descriptions.
 */
@Component
class OnceOnlyReport {

    private final JdbcClient jdbc;
    private final ServiceCatalog services;
    private final Catalog catalog;

    OnceOnlyReport(JdbcClient jdbc, ServiceCatalog services, Catalog catalog) {
        this.jdbc = jdbc;
        this.services = services;
        this.catalog = catalog;
    }

    /**
     * @param paperFacts         facts the separate paper forms ask, counting a fact once per form that asks it
     * @param paperLicenseCopies copies of government-issued licenses the paper forms ask to attach
     * @param paperUploads       other documents the paper forms' items require
     * @param typedAverage       facts an applicant typed per application, on average
     * @param typedMaxPerFact    the most times one applicant typed one fact in one application (the promise: 1)
     * @param licenseCopiesUploaded copies of licenses uploaded because no electronic license was on file
     * @param facts              per fact: how many paper forms ask it, and how many applications had it typed
     * @param paperForms         how many separate department forms the target replaces
     */
    record Figures(String kind, String code, String name, long applications, int paperForms, int paperFacts,
                   int paperLicenseCopies,
                   int paperUploads, double typedAverage, int typedMaxPerFact, double prefilledAverage,
                   double uploadsAverage, long licenseCopiesUploaded, long electronicLicensesUsed, List<Fact> facts) {

        /** Different facts the paper forms ask: what one form asks once. */
        public int paperDistinctFacts() {
            return (int) facts.stream().filter(f -> f.paperForms() > 0).count();
        }

        /** The most paper forms that ask one and the same fact. */
        public int paperMaxPerFact() {
            return facts.stream().mapToInt(Fact::paperForms).max().orElse(0);
        }
    }

    record Fact(String element, String name, int paperForms, long typedIn) {}

    List<Figures> all() {
        List<Figures> all = new ArrayList<>();
        services.bundles().forEach(b -> all.add(of(Target.Kind.BUNDLE, b.code())));
        services.items().forEach(i -> all.add(of(Target.Kind.ITEM, i.code())));
        return all;
    }

    Figures of(Target.Kind kind, String code) {
        Target target = Target.resolve(services, kind, code);
        Map<String, Integer> asked = new LinkedHashMap<>();
        int copies = 0;
        for (ServiceItem item : target.items()) {
            for (ServiceItem.PaperField p : item.paperForm()) {
                if (p.element() != null) asked.merge(p.element(), 1, Integer::sum);
                if (p.licenseType() != null) copies++;
            }
        }
        int uploads = (int) target.items().stream().flatMap(i -> i.materials().stream())
                .filter(m -> !m.electronic()).count();
        var totals = jdbc.sql("""
                SELECT count(*), coalesce(avg(cardinality(typed_elements)), 0), coalesce(avg(prefilled_count), 0),
                       coalesce(avg(uploads), 0), coalesce(sum(licenses_used), 0)
                  FROM services_application WHERE target_kind = ? AND target_code = ?""")
                .params(kind.name(), code)
                .query((rs, n) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getLong(5)}).single();
        Map<String, Long> typedIn = new LinkedHashMap<>();
        int maxPerFact = 0;
        for (var row : jdbc.sql("""
                SELECT e, count(*), max(cnt) FROM (
                  SELECT a.id, e, count(*) AS cnt FROM services_application a, unnest(a.typed_elements) AS e
                   WHERE a.target_kind = ? AND a.target_code = ? GROUP BY a.id, e) t GROUP BY e""")
                .params(kind.name(), code)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3)}).list()) {
            typedIn.put((String) row[0], (Long) row[1]);
            maxPerFact = Math.max(maxPerFact, (Integer) row[2]);
        }
        long licenseCopiesUploaded = licenseCopiesUploaded(target);
        List<Fact> facts = new ArrayList<>();
        asked.forEach((e, forms) -> facts.add(new Fact(e, name(e), forms, typedIn.getOrDefault(e, 0L))));
        typedIn.forEach((e, n) -> {
            if (!asked.containsKey(e)) facts.add(new Fact(e, name(e), 0, n));
        });
        int forms = (int) target.items().stream().filter(i -> !i.paperForm().isEmpty()).count();
        return new Figures(kind.name(), code, target.nameZh(), (long) totals[0], forms, asked.values().stream()
                .mapToInt(Integer::intValue).sum(), copies, uploads, totals[1], maxPerFact, totals[2], totals[3],
                licenseCopiesUploaded, (long) totals[4], facts);
    }

    /** Uploads for materials that are electronic licenses: a copy of a license the government issued. */
    private long licenseCopiesUploaded(Target target) {
        List<String> electronicSlots = target.items().stream().flatMap(i -> i.materials().stream()
                .filter(ServiceItem.Material::electronic).map(m -> i.code() + "." + m.code())).toList();
        if (electronicSlots.isEmpty()) return 0;
        return jdbc.sql("""
                SELECT count(*) FROM services_upload u JOIN services_application a ON a.id = u.application_id
                 WHERE a.target_kind = ? AND a.target_code = ? AND u.material_code = ANY(?)""")
                .params(target.kind().name(), target.code(), electronicSlots.toArray(String[]::new))
                .query(Long.class).single();
    }

    private String name(String element) {
        return catalog.element(element).map(DataElement::nameZh).orElse(element);
    }

}
