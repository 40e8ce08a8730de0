package org.yiwang.services.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code services_item} and {@code services_bundle} tables. */
@Repository
class DefinitionStore {

    private final JdbcClient jdbc;
    private final Definitions definitions;

    DefinitionStore(JdbcClient jdbc, Definitions definitions) {
        this.jdbc = jdbc;
        this.definitions = definitions;
    }

    long version() {
        return jdbc.sql("SELECT version FROM services_catalog_version WHERE id = 1").query(Long.class).single();
    }

    /** Reads the version first: a change committed during the read only causes one more reload later. */
    CatalogState load() {
        long version = version();
        Map<String, StoredItem> items = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, definition::text AS definition, source_file, file_hash, updated_by, updated_at, revision
                  FROM services_item ORDER BY department_code, code""")
                .query((rs, n) -> item(rs)).list().forEach(i -> items.put(i.item().code(), i));
        Map<String, StoredBundle> bundles = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT code, definition::text AS definition, source_file, file_hash, updated_by, updated_at, revision
                  FROM services_bundle ORDER BY code""")
                .query((rs, n) -> bundle(rs)).list().forEach(b -> bundles.put(b.bundle().code(), b));
        return new CatalogState(version, Collections.unmodifiableMap(items), Collections.unmodifiableMap(bundles));
    }

    /** Inserts or replaces a definition loaded from a file, remembering the file and the hash of its definition. */
    void putFromFile(ItemDefinition d, String file, String hash) {
        jdbc.sql("""
                INSERT INTO services_item (code, name_zh, department_code, applicant_type, purpose_code, definition,
                                           source_file, file_hash, updated_by)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'file')
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, department_code = EXCLUDED.department_code,
                    applicant_type = EXCLUDED.applicant_type, purpose_code = EXCLUDED.purpose_code,
                    definition = EXCLUDED.definition, source_file = EXCLUDED.source_file, file_hash = EXCLUDED.file_hash,
                    updated_by = 'file', updated_at = now(), revision = services_item.revision + 1""")
                .params(d.code(), d.nameZh(), d.department(), d.applicantType(), d.purpose(), definitions.toJson(d), file,
                        hash)
                .update();
    }

    void putFromFile(BundleDefinition d, String file, String hash) {
        jdbc.sql("""
                INSERT INTO services_bundle (code, name_zh, definition, source_file, file_hash, updated_by)
                VALUES (?, ?, ?::jsonb, ?, ?, 'file')
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, definition = EXCLUDED.definition,
                    source_file = EXCLUDED.source_file, file_hash = EXCLUDED.file_hash, updated_by = 'file',
                    updated_at = now(), revision = services_bundle.revision + 1""")
                .params(d.code(), d.nameZh(), definitions.toJson(d), file, hash)
                .update();
    }

    /** An edit by a data admin: the file and its hash stay, so the edit survives restarts until the file changes. */
    void put(ItemDefinition d, String actor) {
        jdbc.sql("""
                INSERT INTO services_item (code, name_zh, department_code, applicant_type, purpose_code, definition, updated_by)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, department_code = EXCLUDED.department_code,
                    applicant_type = EXCLUDED.applicant_type, purpose_code = EXCLUDED.purpose_code,
                    definition = EXCLUDED.definition, updated_by = EXCLUDED.updated_by, updated_at = now(),
                    revision = services_item.revision + 1""")
                .params(d.code(), d.nameZh(), d.department(), d.applicantType(), d.purpose(), definitions.toJson(d), actor)
                .update();
    }

    void put(BundleDefinition d, String actor) {
        jdbc.sql("""
                INSERT INTO services_bundle (code, name_zh, definition, updated_by) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, definition = EXCLUDED.definition,
                    updated_by = EXCLUDED.updated_by, updated_at = now(), revision = services_bundle.revision + 1""")
                .params(d.code(), d.nameZh(), definitions.toJson(d), actor)
                .update();
    }

    /** Serialises loaders and editors across nodes for the rest of the transaction. */
    void lock() {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('services_catalog'))) AS locked")
                .query(Integer.class).single();
    }

    private StoredItem item(ResultSet rs) throws SQLException {
        ItemDefinition d = definitions.fromStored(rs.getString("definition"), ItemDefinition.class);
        String hash = rs.getString("file_hash");
        return new StoredItem(d, DefinitionValidator.toItem(d), rs.getString("source_file"), hash,
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("revision"),
                hash != null && !hash.equals(definitions.hash(d)));
    }

    private StoredBundle bundle(ResultSet rs) throws SQLException {
        BundleDefinition d = definitions.fromStored(rs.getString("definition"), BundleDefinition.class);
        String hash = rs.getString("file_hash");
        return new StoredBundle(d, DefinitionValidator.toBundle(d), rs.getString("source_file"), hash,
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("revision"),
                hash != null && !hash.equals(definitions.hash(d)));
    }
}
