package org.yiwang.catalog.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.CodeValue;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.kernel.ClusterSnapshot;
import org.yiwang.kernel.SubjectType;

/**
 * Holds the catalog in memory for the read path; all nodes agree within {@link #POLL} (see {@link ClusterSnapshot}).
 */
@Component
class CatalogSnapshots {

    static final Duration POLL = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ClusterSnapshot<CatalogSnapshot> snapshot;

    CatalogSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.snapshot = new ClusterSnapshot<>("catalog", POLL, this::databaseVersion, this::load,
                CatalogSnapshot::version);
    }

    CatalogSnapshot current() {
        return snapshot.current();
    }

    /** Called by a command that changed the catalog: stale for this node as soon as the change is committed. */
    void invalidateAfterCommit() {
        snapshot.invalidateAfterCommit();
    }

    private long databaseVersion() {
        return jdbc.sql("SELECT version FROM catalog_version WHERE id = 1").query(Long.class).single();
    }

    /** Reads the version first: a change committed during the load only causes one more reload later. */
    private CatalogSnapshot load() {
        long version = databaseVersion();
        Map<String, DataElement> elements = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, name_zh, name_en, subject_type, value_type, format_rule, max_length, code_table, sensitivity
                  FROM catalog_element ORDER BY subject_type, code""")
                .query((rs, n) -> new DataElement(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        SubjectType.valueOf(rs.getString("subject_type")),
                        DataElement.ValueType.valueOf(rs.getString("value_type")), rs.getString("format_rule"),
                        rs.getInt("max_length"), rs.getString("code_table"), rs.getInt("sensitivity")))
                .list().forEach(e -> elements.put(e.code(), e));

        Map<String, Map<String, CodeValue>> values = new HashMap<>();
        jdbc.sql("SELECT table_code, code, label_zh, label_en FROM catalog_code ORDER BY table_code, sort_order, code")
                .query(rs -> {
                    values.computeIfAbsent(rs.getString("table_code"), k -> new LinkedHashMap<>()).put(rs.getString("code"),
                            new CodeValue(rs.getString("code"), rs.getString("label_zh"), rs.getString("label_en")));
                });
        Map<String, CatalogSnapshot.CodeTable> tables = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name_zh, name_en, standard FROM catalog_code_table ORDER BY code")
                .query((rs, n) -> new CatalogSnapshot.CodeTable(rs.getString("code"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("standard"),
                        unmodifiable(values.getOrDefault(rs.getString("code"), new LinkedHashMap<>()))))
                .list().forEach(t -> tables.put(t.code(), t));

        Map<String, Purpose> purposes = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name_zh, name_en FROM catalog_purpose ORDER BY code")
                .query((rs, n) -> new Purpose(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
                .list().forEach(p -> purposes.put(p.code(), p));

        Map<String, ListEntries.Responsibility> responsibility = new LinkedHashMap<>();
        jdbc.sql("SELECT element_code, department_code, legal_basis FROM catalog_responsibility ORDER BY element_code")
                .query((rs, n) -> new ListEntries.Responsibility(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(r -> responsibility.put(r.element(), r));

        Map<String, Map<String, Map<String, ListEntries.Demand>>> demand = new HashMap<>();
        jdbc.sql("SELECT id, department_code, purpose_code, element_code, legal_basis, in_clear FROM catalog_demand")
                .query((rs, n) -> new ListEntries.Demand(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list().forEach(d -> demand.computeIfAbsent(d.department(), k -> new HashMap<>())
                        .computeIfAbsent(d.purpose(), k -> new HashMap<>()).put(d.element(), d));

        Map<String, ListEntries.Negative> negative = new LinkedHashMap<>();
        jdbc.sql("SELECT element_code, reason, legal_basis FROM catalog_negative ORDER BY element_code")
                .query((rs, n) -> new ListEntries.Negative(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(e -> negative.put(e.element(), e));

        return new CatalogSnapshot(version, unmodifiable(elements), unmodifiable(tables), unmodifiable(purposes),
                unmodifiable(responsibility), demand, unmodifiable(negative));
    }

    private static <K, V> Map<K, V> unmodifiable(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(map);
    }
}
