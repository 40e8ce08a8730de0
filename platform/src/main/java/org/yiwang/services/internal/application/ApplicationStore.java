package org.yiwang.services.internal.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.services.PartStatus;

/** The services module's tables: applications, their parts, the parts' timelines, uploads. */
@Repository
class ApplicationStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private final JdbcClient jdbc;
    private final Clock clock;

    ApplicationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record ApplicationRow(UUID id, String reference, Target.Kind targetKind, String targetCode, String targetName,
                          SubjectType applicantType, byte[] applicantEnc, String applicantName, String houseCode,
                          Applicant.Channel channel, String submittedBy, List<String> typed, int prefilled,
                          int uploads, int licensesUsed, Instant submittedAt) {}

    record PartRow(UUID id, UUID applicationId, String itemCode, String itemName, String department, String purpose,
                   List<String> elements, byte[] valuesEnc, String materials, PartStatus status,
                   List<String> questioned, String reason, String licenseId, LocalDate dueOn, Instant updatedAt) {}

    record Event(UUID partId, Instant at, PartStatus from, PartStatus to, String actor, String role, String note) {}

    record Existing(UUID id, String reference, byte[] fingerprint) {}

    /** 办件编号: YW + date + a sequence number, unique across nodes. */
    String nextReference(Instant at) {
        long n = jdbc.sql("SELECT nextval('services_application_seq')").query(Long.class).single();
        return "YW" + DAY.format(at.atZone(clock.getZone())) + String.format("%08d", n);
    }

    Optional<Existing> findSubmission(String submittedBy, String idempotencyKey) {
        return jdbc.sql("SELECT id, reference, fingerprint FROM services_application WHERE submitted_by = ? AND idempotency_key = ?")
                .params(submittedBy, idempotencyKey)
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    /** @return false when the same submitter already used the key (a concurrent double submission) */
    boolean insertApplication(ApplicationRow a, byte[] applicantIdx, String idempotencyKey, byte[] fingerprint) {
        return jdbc.sql("""
                INSERT INTO services_application (id, reference, target_kind, target_code, target_name, applicant_type,
                    applicant_idx, applicant_enc, applicant_name, house_code, channel, submitted_by, idempotency_key,
                    fingerprint, typed_elements, prefilled_count, uploads, licenses_used, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (submitted_by, idempotency_key) DO NOTHING""")
                .params(a.id(), a.reference(), a.targetKind().name(), a.targetCode(), a.targetName(),
                        a.applicantType().name(), applicantIdx, a.applicantEnc(), a.applicantName(), a.houseCode(),
                        a.channel().name(), a.submittedBy(), idempotencyKey, fingerprint,
                        a.typed().toArray(String[]::new), a.prefilled(), a.uploads(), a.licensesUsed(),
                        Timestamp.from(a.submittedAt()))
                .update() == 1;
    }

    void insertPart(PartRow p) {
        jdbc.sql("""
                INSERT INTO services_part (id, application_id, item_code, item_name, department, purpose, elements,
                    values_enc, materials, status, questioned, reason, license_id, due_on, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.applicationId(), p.itemCode(), p.itemName(), p.department(), p.purpose(),
                        p.elements().toArray(String[]::new), p.valuesEnc(), p.materials(), p.status().name(),
                        p.questioned().toArray(String[]::new), p.reason(), p.licenseId(), p.dueOn(),
                        Timestamp.from(p.updatedAt()))
                .update();
    }

    void updatePart(PartRow p) {
        jdbc.sql("""
                UPDATE services_part SET values_enc = ?, status = ?, questioned = ?, reason = ?, license_id = ?,
                    updated_at = ?, version = version + 1
                 WHERE id = ?""")
                .params(p.valuesEnc(), p.status().name(), p.questioned().toArray(String[]::new), p.reason(),
                        p.licenseId(), Timestamp.from(p.updatedAt()), p.id())
                .update();
    }

    void insertEvent(Event e) {
        jdbc.sql("""
                INSERT INTO services_part_event (part_id, at, from_status, to_status, actor, actor_role, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(e.partId(), Timestamp.from(e.at() == null ? clock.instant() : e.at()), e.from() == null ? null : e.from().name(), e.to().name(),
                        e.actor(), e.role(), e.note())
                .update();
    }

    /** An event of now: {@link #insertEvent} stamps it with the clock's time. */
    static Event event(UUID part, PartStatus from, PartStatus to, Actor actor, String note) {
        return new Event(part, null, from, to, actor.username(), actor.role().name(), note);
    }

    /** The service centre whose window clerk entered the application. */
    void enteredAt(UUID application, String department) {
        jdbc.sql("UPDATE services_application SET entered_at = ? WHERE id = ?").params(department, application).update();
    }

    Optional<String> enteredAt(UUID application) {
        return jdbc.sql("SELECT entered_at FROM services_application WHERE id = ?").param(application)
                .query(String.class).optional();
    }

    /** The applications a service centre's window took in, newest first. */
    List<ApplicationRow> enteredAtWindow(String department, int limit) {
        return jdbc.sql("SELECT * FROM services_application WHERE entered_at = ? ORDER BY submitted_at DESC LIMIT ?")
                .params(department, limit).query(ApplicationStore::applicationRow).list();
    }

    /** Each application's part statuses, for list pages. */
    Map<UUID, List<PartStatus>> partStatuses(Collection<UUID> applications) {
        Map<UUID, List<PartStatus>> out = new LinkedHashMap<>();
        if (applications.isEmpty()) return out;
        jdbc.sql("SELECT application_id, status FROM services_part WHERE application_id = ANY(?)")
                .param(applications.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), PartStatus.valueOf(rs.getString(2))))
                .list().forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return out;
    }

    record InProgress(UUID id, String reference, String itemName) {}

    /**
     * An application of the same applicant (and, for a house, the same house) with an undecided part of one of
     * these items.
     */
    Optional<InProgress> inProgress(byte[] applicantIdx, Collection<String> itemCodes, String houseCode) {
        return jdbc.sql("""
                SELECT a.id, a.reference, p.item_name FROM services_part p
                  JOIN services_application a ON a.id = p.application_id
                 WHERE a.applicant_idx = ? AND p.item_code = ANY(?) AND p.status NOT IN ('APPROVED', 'REJECTED')
                   AND (CAST(? AS TEXT) IS NULL OR a.house_code = ?)
                 ORDER BY a.submitted_at DESC LIMIT 1""")
                .params(applicantIdx, itemCodes.toArray(String[]::new), houseCode, houseCode)
                .query((rs, n) -> new InProgress(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    record Upload(UUID id, UUID applicationId, String material, String fileName, String contentType, byte[] content) {}

    Optional<Upload> upload(UUID id) {
        return jdbc.sql("""
                SELECT id, application_id, material_code, file_name, content_type, content FROM services_upload
                 WHERE id = ?""").param(id)
                .query((rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    /** File names of an application's uploads by id, without their content. */
    Map<UUID, String> uploadNames(UUID application) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("SELECT id, file_name FROM services_upload WHERE application_id = ?").param(application)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list().forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    void insertUpload(UUID id, UUID application, String material, String fileName, String contentType, String sha256,
                      byte[] content) {
        jdbc.sql("""
                INSERT INTO services_upload (id, application_id, material_code, file_name, content_type, sha256, content)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, application, material, fileName, contentType, sha256, content).update();
    }

    Optional<ApplicationRow> application(UUID id) {
        return jdbc.sql("SELECT * FROM services_application WHERE id = ?").param(id)
                .query(ApplicationStore::applicationRow).optional();
    }

    List<ApplicationRow> applicationsOf(Collection<byte[]> applicantIdx) {
        if (applicantIdx.isEmpty()) return List.of();
        return jdbc.sql("SELECT * FROM services_application WHERE applicant_idx = ANY(?) ORDER BY submitted_at DESC LIMIT 200")
                .param(applicantIdx.toArray(byte[][]::new))
                .query(ApplicationStore::applicationRow).list();
    }

    boolean isApplicant(UUID application, Collection<byte[]> applicantIdx) {
        if (applicantIdx.isEmpty()) return false;
        return jdbc.sql("SELECT count(*) FROM services_application WHERE id = ? AND applicant_idx = ANY(?)")
                .params(application, applicantIdx.toArray(byte[][]::new)).query(Long.class).single() > 0;
    }

    List<PartRow> parts(UUID application) {
        return jdbc.sql("SELECT * FROM services_part WHERE application_id = ? ORDER BY item_code").param(application)
                .query(ApplicationStore::partRow).list();
    }

    Optional<PartRow> part(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM services_part WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
                .query(ApplicationStore::partRow).optional();
    }

    List<Event> events(UUID application) {
        return jdbc.sql("""
                SELECT e.* FROM services_part_event e JOIN services_part p ON p.id = e.part_id
                 WHERE p.application_id = ? ORDER BY e.id""").param(application)
                .query((rs, n) -> new Event(rs.getObject("part_id", UUID.class), rs.getTimestamp("at").toInstant(),
                        status(rs.getString("from_status")), status(rs.getString("to_status")), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("note")))
                .list();
    }

    /** The department's queue, earliest due first. */
    List<QueueEntry> queue(String department, Collection<PartStatus> statuses) {
        return jdbc.sql("""
                SELECT p.id, p.item_name, p.status, p.due_on, a.reference, a.applicant_name, a.submitted_at
                  FROM services_part p JOIN services_application a ON a.id = p.application_id
                 WHERE p.department = ? AND p.status = ANY(?)
                 ORDER BY p.due_on, a.submitted_at LIMIT 500""")
                .params(department, statuses.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new QueueEntry(rs.getObject(1, UUID.class), rs.getString(2),
                        PartStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    record QueueEntry(UUID partId, String itemName, PartStatus status, LocalDate dueOn, String reference,
                      String applicantName, Instant submittedAt) {}

    private static PartStatus status(String s) {
        return s == null ? null : PartStatus.valueOf(s);
    }

    private static List<String> array(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    private static ApplicationRow applicationRow(ResultSet rs, int n) throws SQLException {
        return new ApplicationRow(rs.getObject("id", UUID.class), rs.getString("reference"),
                Target.Kind.valueOf(rs.getString("target_kind")), rs.getString("target_code"),
                rs.getString("target_name"), SubjectType.valueOf(rs.getString("applicant_type")),
                rs.getBytes("applicant_enc"), rs.getString("applicant_name"), rs.getString("house_code"),
                Applicant.Channel.valueOf(rs.getString("channel")), rs.getString("submitted_by"),
                array(rs, "typed_elements"), rs.getInt("prefilled_count"), rs.getInt("uploads"),
                rs.getInt("licenses_used"), rs.getTimestamp("submitted_at").toInstant());
    }

    private static PartRow partRow(ResultSet rs, int n) throws SQLException {
        return new PartRow(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getString("item_code"), rs.getString("item_name"), rs.getString("department"),
                rs.getString("purpose"), array(rs, "elements"), rs.getBytes("values_enc"), rs.getString("materials"),
                PartStatus.valueOf(rs.getString("status")), array(rs, "questioned"), rs.getString("reason"),
                rs.getString("license_id"), rs.getObject("due_on", LocalDate.class),
                rs.getTimestamp("updated_at").toInstant());
    }
}
