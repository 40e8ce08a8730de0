package org.yiwang.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yiwang.audit.AuditEntry;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/** Reading the audit log: a subject's own view and the data administrator's search. Newest first. */
@Service
class AuditQueries {

    /** Times are shown in China Standard Time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Directory directory;

    AuditQueries(JdbcClient jdbc, FieldCipher cipher, Directory directory) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.directory = directory;
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
            throw new AccessDeniedProblem(null, "NO_OWN_DATA",
                    "只有居民和企业用户可查看本人数据的使用记录 / only residents and enterprises have a data-usage log");
        }
        if (keys.isEmpty()) {
            return new Page<>(List.of(), page, size, false);
        }
        Departments departments = new Departments();
        List<DataUsage> rows = jdbc.sql("""
                        SELECT recorded_at, actor_username, actor_role, actor_department, purpose, action, elements,
                               allowed, reason
                        FROM audit_record
                        WHERE subject_key IN (:keys) AND subject_type = :type
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("keys", keys).param("type", type.name())
                .param("limit", size + 1).param("offset", (long) page * size)
                .query((rs, n) -> {
                    Optional<Department> dept = departments.of(rs.getString("actor_department"));
                    return new DataUsage(time(rs), rs.getString("actor_department"),
                            dept.map(Department::name).orElse(null), dept.map(Department::nameEn).orElse(null),
                            rs.getString("actor_role"), actor.username().equals(rs.getString("actor_username")),
                            rs.getString("purpose"), rs.getString("action"), elements(rs), rs.getBoolean("allowed"),
                            rs.getString("reason"));
                })
                .list();
        return page(rows, page, size);
    }

    Page<AuditRecordView> search(AuditSearch search) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        if (search.subjectKey() != null) {
            where.add("subject_key = :subjectKey");
            params.put("subjectKey", search.subjectKey());
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
        Departments departments = new Departments();
        List<AuditRecordView> rows = jdbc.sql("""
                        SELECT id, recorded_at, actor_username, actor_role, actor_department, purpose, action,
                               subject_type, subject_key, subject_display, elements, allowed, reason, chain_seq
                        FROM audit_record""" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    long seq = rs.getLong("chain_seq");
                    Long chainSeq = rs.wasNull() ? null : seq;
                    return new AuditRecordView(rs.getLong("id"), time(rs), rs.getString("actor_username"),
                            rs.getString("actor_role"), rs.getString("actor_department"),
                            departments.of(rs.getString("actor_department")).map(Department::name).orElse(null),
                            rs.getString("purpose"), rs.getString("action"), rs.getString("subject_type"),
                            rs.getString("subject_key"), rs.getString("subject_display"), elements(rs),
                            rs.getBoolean("allowed"), rs.getString("reason"), chainSeq);
                })
                .list();
        return page(rows, search.page(), search.size());
    }

    private static <T> Page<T> page(List<T> rowsPlusOne, int page, int size) {
        boolean more = rowsPlusOne.size() > size;
        return new Page<>(more ? rowsPlusOne.subList(0, size) : rowsPlusOne, page, size, more);
    }

    private static OffsetDateTime time(ResultSet rs) throws SQLException {
        return rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime();
    }

    private static List<String> elements(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("elements").getArray());
    }

    /** Department names looked up once per page. */
    private final class Departments {
        private final Map<String, Optional<Department>> cache = new HashMap<>();

        Optional<Department> of(String code) {
            return code == null ? Optional.empty() : cache.computeIfAbsent(code, directory::department);
        }
    }
}
