package org.yiwang.exchange.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.SubjectType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for connectors, mapping versions and subscriptions. Secrets are encrypted with the field cipher. */
@Repository
class ConnectorStore {

    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FieldCipher cipher;

    ConnectorStore(JdbcClient jdbc, JsonMapper json, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
    }

    long version() {
        return jdbc.sql("SELECT version FROM exchange_version WHERE id = 1").query(Long.class).single();
    }

    /** Reads the version first, so a change committed during the load only causes one more reload. */
    ExchangeState load() {
        long version = version();
        Map<String, Connector> connectors = new LinkedHashMap<>();
        Map<String, String> secrets = new HashMap<>();
        jdbc.sql("SELECT code, department, name, kind, endpoint, options, items, max_attempts, enabled, secret"
                        + " FROM exchange_connector ORDER BY code")
                .query((ResultSet rs) -> {
                    Connector c = connector(rs);
                    connectors.put(c.code(), c);
                    byte[] secret = rs.getBytes("secret");
                    if (secret != null) secrets.put(c.code(), cipher.decrypt(secret));
                });
        Map<String, MappingVersion> mappings = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (connector) connector, version, definition, saved_by, saved_at
                  FROM exchange_mapping ORDER BY connector, version DESC""")
                .query(this::mappingVersion).list().forEach(m -> mappings.put(m.connector(), m));
        List<Subscription> subscriptions = jdbc.sql("""
                SELECT code, name, connector, subject_type, elements, purpose, division, condition, enabled
                  FROM exchange_subscription ORDER BY code""").query(this::subscription).list();
        return new ExchangeState(version, connectors, secrets, mappings, subscriptions);
    }

    /** Serialises saves of one connector's definitions (next mapping version, concurrent admins). */
    boolean lock(String connector) {
        return jdbc.sql("SELECT 1 FROM exchange_connector WHERE code = ? FOR UPDATE").param(connector)
                .query(Integer.class).optional().isPresent();
    }

    void save(Connector c, String secret, String actor) {
        jdbc.sql("""
                INSERT INTO exchange_connector (code, department, name, kind, endpoint, options, items, max_attempts,
                                                enabled, secret, updated_by)
                VALUES (:code, :department, :name, :kind, :endpoint, :options::jsonb, :items, :maxAttempts, :enabled,
                        :secret, :actor)
                ON CONFLICT (code) DO UPDATE SET department = EXCLUDED.department, name = EXCLUDED.name,
                    kind = EXCLUDED.kind, endpoint = EXCLUDED.endpoint, options = EXCLUDED.options,
                    items = EXCLUDED.items, max_attempts = EXCLUDED.max_attempts, enabled = EXCLUDED.enabled,
                    secret = COALESCE(EXCLUDED.secret, exchange_connector.secret), updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
                .param("code", c.code()).param("department", c.department()).param("name", c.name())
                .param("kind", c.kind().name()).param("endpoint", c.endpoint())
                .param("options", json.writeValueAsString(c.options()))
                .param("items", c.items().toArray(String[]::new)).param("maxAttempts", c.maxAttempts())
                .param("enabled", c.enabled()).param("secret", secret == null ? null : cipher.encrypt(secret))
                .param("actor", actor)
                .update();
    }

    boolean hasSecret(String connector) {
        return jdbc.sql("SELECT secret IS NOT NULL FROM exchange_connector WHERE code = ?").param(connector)
                .query(Boolean.class).optional().orElse(false);
    }

    int saveMapping(String connector, Mapping mapping, String actor) {
        return jdbc.sql("""
                INSERT INTO exchange_mapping (connector, version, definition, saved_by)
                SELECT :connector, COALESCE(MAX(version), 0) + 1, :definition::jsonb, :actor
                  FROM exchange_mapping WHERE connector = :connector RETURNING version""")
                .param("connector", connector).param("definition", json.writeValueAsString(mapping))
                .param("actor", actor).query(Integer.class).single();
    }

    List<MappingVersion> mappingHistory(String connector) {
        return jdbc.sql("""
                SELECT connector, version, definition, saved_by, saved_at FROM exchange_mapping
                 WHERE connector = ? ORDER BY version DESC""").param(connector).query(this::mappingVersion).list();
    }

    Optional<MappingVersion> mapping(String connector, int version) {
        return jdbc.sql("""
                SELECT connector, version, definition, saved_by, saved_at FROM exchange_mapping
                 WHERE connector = ? AND version = ?""").params(connector, version).query(this::mappingVersion)
                .optional();
    }

    void subscribe(Subscription s, String actor) {
        jdbc.sql("""
                INSERT INTO exchange_subscription (code, name, connector, subject_type, elements, purpose, division,
                                                   condition, enabled, updated_by)
                VALUES (:code, :name, :connector, :type, :elements, :purpose, :division, :condition::jsonb, :enabled,
                        :actor)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, connector = EXCLUDED.connector,
                    subject_type = EXCLUDED.subject_type, elements = EXCLUDED.elements, purpose = EXCLUDED.purpose,
                    division = EXCLUDED.division, condition = EXCLUDED.condition, enabled = EXCLUDED.enabled,
                    updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("code", s.code()).param("name", s.name()).param("connector", s.connector())
                .param("type", s.subjectType().name()).param("elements", s.elements().toArray(String[]::new))
                .param("purpose", s.purpose()).param("division", s.division())
                .param("condition", s.condition() == null ? null : json.writeValueAsString(s.condition()))
                .param("enabled", s.enabled()).param("actor", actor)
                .update();
    }

    private Connector connector(ResultSet rs) throws SQLException {
        return new Connector(rs.getString("code"), rs.getString("department"), rs.getString("name"),
                ConnectorKind.valueOf(rs.getString("kind")), rs.getString("endpoint"),
                json.readValue(rs.getString("options"), OPTIONS), strings(rs.getArray("items")),
                rs.getInt("max_attempts"), rs.getBoolean("enabled"));
    }

    private MappingVersion mappingVersion(ResultSet rs, int n) throws SQLException {
        return new MappingVersion(rs.getString(1), rs.getInt(2), json.readValue(rs.getString(3), Mapping.class),
                rs.getString(4), rs.getTimestamp(5).toInstant());
    }

    private Subscription subscription(ResultSet rs, int n) throws SQLException {
        String condition = rs.getString("condition");
        return new Subscription(rs.getString("code"), rs.getString("name"), rs.getString("connector"),
                SubjectType.valueOf(rs.getString("subject_type")), strings(rs.getArray("elements")),
                rs.getString("purpose"), rs.getString("division"),
                condition == null ? null : json.readValue(condition, ChangeCondition.class),
                rs.getBoolean("enabled"));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
