package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged;
import org.yiwang.catalog.Purpose;
import org.yiwang.kernel.InvalidInputException.Violation;

/** Purposes of use: the governance purposes and, later, service item codes. */
@Service
class PurposeStore {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private final JdbcClient jdbc;
    private final CatalogChanges changes;

    PurposeStore(JdbcClient jdbc, CatalogChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** A purpose as stored now, including one defined earlier in the current transaction. */
    java.util.Optional<Purpose> find(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM catalog_purpose WHERE code = ?").param(code)
                .query((rs, n) -> new Purpose(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Adds a new purpose; an existing code is a conflict. */
    @Transactional
    public Purpose add(Purpose purpose, String actor) {
        Purpose p = checked(purpose);
        int added = jdbc.sql("INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(p.code(), p.nameZh(), p.nameEn()).update();
        if (added == 0) throw Checks.duplicate("code", "catalog.problem.duplicate", p.code());
        changes.changed(CatalogChanged.Part.PURPOSE, CatalogChanged.Change.ADDED, p.code(), actor);
        return p;
    }

    /** Adds or renames a purpose (idempotent, for modules registering their service items). */
    @Transactional
    public Purpose define(Purpose purpose, String actor) {
        Purpose p = checked(purpose);
        jdbc.sql("""
                INSERT INTO catalog_purpose (code, name_zh, name_en) VALUES (?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en
                WHERE (catalog_purpose.name_zh, catalog_purpose.name_en) IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en)""")
                .params(p.code(), p.nameZh(), p.nameEn()).update();
        changes.changed(CatalogChanged.Part.PURPOSE, CatalogChanged.Change.UPDATED, p.code(), actor);
        return p;
    }

    private static Purpose checked(Purpose purpose) {
        List<Violation> violations = new ArrayList<>();
        String code = Checks.trim(purpose.code());
        Checks.required(violations, "code", code);
        if (!Checks.blank(code) && !CODE.matcher(code).matches()) {
            violations.add(Violation.keyed("code", "format", "catalog.problem.purpose-code-format"));
        }
        Checks.required(violations, "nameZh", purpose.nameZh());
        Checks.maxLength(violations, "nameZh", purpose.nameZh(), 200);
        Checks.maxLength(violations, "nameEn", purpose.nameEn(), 200);
        Checks.throwIfAny(violations);
        String nameZh = purpose.nameZh().strip();
        return new Purpose(code, nameZh, Checks.blank(purpose.nameEn()) ? nameZh : purpose.nameEn().strip());
    }
}
