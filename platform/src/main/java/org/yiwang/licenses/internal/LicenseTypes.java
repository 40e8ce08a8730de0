package org.yiwang.licenses.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.LicenseType;

/**
 * The license types as seeded by migrations. They change only with a release (a new migration), so they are read
 * once and kept; every node reads the same rows.
 */
@Component
class LicenseTypes {

    private final JdbcClient jdbc;
    private volatile Map<String, TypeDefinition> byCode;

    LicenseTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TypeDefinition> all() {
        return List.copyOf(load().values());
    }

    Optional<TypeDefinition> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(load().get(code));
    }

    private Map<String, TypeDefinition> load() {
        Map<String, TypeDefinition> loaded = byCode;
        if (loaded != null) return loaded;
        Map<String, List<LicenseField>> fields = new LinkedHashMap<>();
        jdbc.sql("SELECT type_code, name, label_zh, label_en, element FROM licenses_type_field ORDER BY type_code, sort_order")
                .query((rs, n) -> {
                    fields.computeIfAbsent(rs.getString("type_code"), k -> new ArrayList<>()).add(new LicenseField(
                            rs.getString("name"), rs.getString("label_zh"), rs.getString("label_en"), rs.getString("element")));
                    return null;
                }).list();
        Map<String, TypeDefinition> result = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM licenses_type ORDER BY sort_order, code").query((rs, n) -> {
            String code = rs.getString("code");
            String validity = rs.getString("validity");
            LicenseType type = new LicenseType(code, rs.getString("name_zh"), rs.getString("name_en"),
                    rs.getString("issuing_department"), SubjectType.valueOf(rs.getString("holder_type")),
                    fields.getOrDefault(code, List.of()), validity == null ? null : Period.parse(validity));
            return new TypeDefinition(type, rs.getString("number_code"), rs.getString("subject_field"),
                    rs.getString("owner_element"), rs.getString("owner_name_element"),
                    rs.getBoolean("multiple_per_holder"));
        }).list().forEach(t -> result.put(t.type().code(), t));
        Map<String, TypeDefinition> frozen = Collections.unmodifiableMap(result);
        byCode = frozen;
        return frozen;
    }
}
