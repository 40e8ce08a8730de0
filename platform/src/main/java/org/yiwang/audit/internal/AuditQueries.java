package org.yiwang.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.audit.AuditEntry;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitySettings;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/**
 * Reading the audit log: a subject's own view and the data administrator's search. Newest first. People read
 * labels, not codes: purposes, elements, departments and reasons come with their names in the reader's language,
 * times in the city's zone.
 */
@Service
class AuditQueries {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Directory directory;
    private final Catalog catalog;
    private final MessageSource messages;
    /** Times are shown in the city's zone. */
    private final ZoneId zone;

    AuditQueries(JdbcClient jdbc, FieldCipher cipher, Directory directory, Catalog catalog, MessageSource messages,
                 CitySettings city) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.directory = directory;
        this.catalog = catalog;
        this.messages = messages;
        this.zone = city.zone();
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * Every use of the actor's own data: a resident's person record, an enterprise user's legal entities. Any
     * other actor has no "own data" here.
     */
    Page<DataUsage> dataUsage(Actor actor, int page, int size) {
        SubjectType type;
        List<String> keys;
        if (actor.role() == Role.RESIDENT && actor.citizenId() != null) {
            type = SubjectType.PERSON;
            keys = List.of(AuditEntry.personKey(cipher, actor.citizenId()));
        } else if (actor.role() == Role.ENTERPRISE) {
            type = SubjectType.LEGAL_ENTITY;
            keys = actor.creditCodes().stream().map(CreditCode::value).sorted().toList();
        } else {
            throw new AccessDeniedProblem(null, "NO_OWN_DATA", messages.getMessage("problem.no-own-data", null,
                    "NO_OWN_DATA", LocaleContextHolder.getLocale()));
        }
        if (keys.isEmpty()) {
            return new Page<>(List.of(), page, size, false);
        }
        Labels labels = new Labels();
        List<DataUsage> rows = jdbc.sql("""
                        SELECT recorded_at, actor_username, actor_role, actor_department, purpose, action, elements,
                               allowed, reason
                        FROM audit_record
                        WHERE subject_key IN (:keys) AND subject_type = :type
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("keys", keys).param("type", type.name())
                .param("limit", size + 1).param("offset", (long) page * size)
                .query((rs, n) -> {
                    Optional<Department> dept = labels.department(rs.getString("actor_department"));
                    List<String> elements = elements(rs);
                    return new DataUsage(time(rs), rs.getString("actor_department"),
                            dept.map(Department::name).orElse(null), dept.map(Department::nameEn).orElse(null),
                            rs.getString("actor_role"), actor.username().equals(rs.getString("actor_username")),
                            rs.getString("purpose"), labels.purpose(rs.getString("purpose")), rs.getString("action"),
                            elements, labels.elements(elements), rs.getBoolean("allowed"), rs.getString("reason"),
                            labels.reason(rs.getString("reason")));
                })
                .list();
        return page(rows, page, size);
    }

    Page<AuditRecordView> search(AuditSearch search) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        if (search.subjectKeys() != null) {
            // an identifier that names nothing valid was refused before; an empty list finds nothing
            where.add(search.subjectKeys().isEmpty() ? "FALSE" : "subject_key IN (:subjectKeys)");
            if (!search.subjectKeys().isEmpty()) params.put("subjectKeys", search.subjectKeys());
        }
        if (search.actor() != null) {
            where.add("actor_username = :actor");
            params.put("actor", search.actor());
        }
        if (search.department() != null) {
            where.add("actor_department = :department");
            params.put("department", search.department());
        }
        if (search.from() != null) {
            where.add("recorded_at >= :from");
            params.put("from", Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.add("recorded_at < :to");
            params.put("to", Timestamp.from(search.to()));
        }
        params.put("limit", search.size() + 1);
        params.put("offset", (long) search.page() * search.size());
        Labels labels = new Labels();
        List<AuditRecordView> rows = jdbc.sql("""
                        SELECT id, recorded_at, actor_username, actor_role, actor_department, purpose, action,
                               subject_type, subject_key, subject_display, elements, allowed, reason, chain_seq
                        FROM audit_record""" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    long seq = rs.getLong("chain_seq");
                    Long chainSeq = rs.wasNull() ? null : seq;
                    List<String> elements = elements(rs);
                    return new AuditRecordView(rs.getLong("id"), time(rs), rs.getString("actor_username"),
                            rs.getString("actor_role"), rs.getString("actor_department"),
                            labels.departmentName(rs.getString("actor_department")),
                            rs.getString("purpose"), labels.purpose(rs.getString("purpose")), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_key"), rs.getString("subject_display"),
                            elements, labels.elements(elements), rs.getBoolean("allowed"), rs.getString("reason"),
                            labels.reason(rs.getString("reason")), chainSeq);
                })
                .list();
        return page(rows, search.page(), search.size());
    }

    private static <T> Page<T> page(List<T> rowsPlusOne, int page, int size) {
        boolean more = rowsPlusOne.size() > size;
        return new Page<>(more ? rowsPlusOne.subList(0, size) : rowsPlusOne, page, size, more);
    }

    private OffsetDateTime time(ResultSet rs) throws SQLException {
        return rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static List<String> elements(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("elements").getArray());
    }

    /**
     * The names of one page's codes in the reader's language, each looked up once: departments from the directory,
     * purposes and elements from the catalog (a purpose the platform uses itself from {@code audit.purpose.<code>}),
     * reasons from the bundle ({@code audit.reason.<code>}); a code without a
     * name (a free-text purpose of an older record) is shown as it is.
     */
    private final class Labels {
        private final Locale locale = LocaleContextHolder.getLocale();
        private final boolean english = "en".equals(locale.getLanguage());
        private final Map<String, Optional<Department>> departments = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();

        Optional<Department> department(String code) {
            return code == null ? Optional.empty() : departments.computeIfAbsent(code, directory::department);
        }

        String departmentName(String code) {
            return department(code).map(d -> english ? d.nameEn() : d.name()).orElse(null);
        }

        String purpose(String code) {
            if (code == null) return null;
            return names.computeIfAbsent("p:" + code, k -> catalog.purpose(code)
                    .map(p -> english ? p.nameEn() : p.nameZh())
                    .orElseGet(() -> messages.getMessage("audit.purpose." + code, null, code, locale)));
        }

        List<String> elements(List<String> codes) {
            return codes.stream().map(code -> names.computeIfAbsent("e:" + code, k -> catalog.element(code)
                    .map(e -> english ? e.nameEn() : e.nameZh()).orElse(code))).toList();
        }

        String reason(String code) {
            if (code == null) return null;
            return names.computeIfAbsent("r:" + code,
                    k -> messages.getMessage("audit.reason." + code, null, code, locale));
        }
    }
}
