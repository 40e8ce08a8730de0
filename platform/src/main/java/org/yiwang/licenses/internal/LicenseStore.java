package org.yiwang.licenses.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.SubjectType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The register of issued licenses. Holder keys are stored encrypted and found through their blind index. */
@Repository
class LicenseStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    /** A register row as stored; the holder key still sealed. */
    record Row(String id, String typeCode, long serial, int version, SubjectType holderType, byte[] holderKey,
               String holderName, Map<String, String> fields, String issuingDepartment, LocalDate issuedOn,
               LocalDate validUntil, String status, String keyId, byte[] signature, String replaces, String reason,
               String issuedBy, Instant issuedAt, Instant revokedAt, String revokedBy, String revocationReason) {}

    private final JdbcClient jdbc;

    LicenseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextSerial() {
        return jdbc.sql("SELECT nextval('licenses_serial')").query(Long.class).single();
    }

    /**
     * The register's keys of one row: the holder's blind index, the holder's slot (the blind index again for a type
     * held once per holder, else {@code null}), the described subject ({@code null} when none) and the sealed
     * verification token with its blind index. The partial unique indexes on slot and subject refuse a second valid
     * license even when two issues race.
     */
    record Keys(byte[] holderIdx, byte[] holderSlot, String subjectKey, byte[] verifyToken, byte[] verifyIdx) {}

    void insert(Row row, Keys keys) {
        jdbc.sql("""
                INSERT INTO licenses_license (id, type_code, serial, version, holder_type, holder_key, holder_idx,
                    holder_name, fields, issuing_department, issued_on, valid_until, status, key_id, signature, replaces,
                    reason, issued_by, issued_at, holder_slot, subject_key, verify_token, verify_idx)
                VALUES (:id, :type, :serial, :version, :holderType, :holderKey, :holderIdx, :holderName,
                    CAST(:fields AS JSONB), :issuer, :issuedOn, :validUntil, :status, :keyId, :signature, :replaces,
                    :reason, :issuedBy, :issuedAt, :holderSlot, :subjectKey, :verifyToken, :verifyIdx)""")
                .param("id", row.id()).param("type", row.typeCode()).param("serial", row.serial())
                .param("version", row.version()).param("holderType", row.holderType().name())
                .param("holderKey", row.holderKey()).param("holderIdx", keys.holderIdx())
                .param("holderName", row.holderName()).param("fields", JSON.writeValueAsString(row.fields()))
                .param("issuer", row.issuingDepartment()).param("issuedOn", row.issuedOn())
                .param("validUntil", row.validUntil()).param("status", row.status()).param("keyId", row.keyId())
                .param("signature", row.signature()).param("replaces", row.replaces()).param("reason", row.reason())
                .param("issuedBy", row.issuedBy()).param("issuedAt", Timestamp.from(row.issuedAt()))
                .param("holderSlot", keys.holderSlot()).param("subjectKey", keys.subjectKey())
                .param("verifyToken", keys.verifyToken()).param("verifyIdx", keys.verifyIdx())
                .update();
    }

    /** The valid licenses of a type in one holder's slot, locked: the one a new license would be refused for. */
    List<Row> lockValidInSlot(String typeCode, byte[] holderSlot) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE type_code = ? AND holder_slot = ? AND status = 'VALID' "
                        + "FOR UPDATE").params(typeCode, holderSlot).query(this::row).list();
    }

    /** The valid licenses of a type describing one subject (a house's property certificate), whoever holds them. */
    List<Row> lockValidOfSubject(String typeCode, String subjectKey) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE type_code = ? AND subject_key = ? AND status = 'VALID' "
                        + "FOR UPDATE").params(typeCode, subjectKey).query(this::row).list();
    }

    Optional<Row> findByToken(byte[] verifyIdx) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE verify_idx = ?").param(verifyIdx).query(this::row)
                .optional();
    }

    /** The sealed verification token of a license; empty for a license issued before tokens (see {@link #setToken}). */
    Optional<byte[]> token(String id) {
        return jdbc.sql("SELECT verify_token FROM licenses_license WHERE id = ? AND verify_token IS NOT NULL").param(id)
                .query(byte[].class).optional();
    }

    /** Gives a license issued before tokens its token; {@code false} when another node gave it one first. */
    boolean setToken(String id, byte[] sealed, byte[] idx) {
        return jdbc.sql("UPDATE licenses_license SET verify_token = ?, verify_idx = ? WHERE id = ? AND verify_token IS NULL")
                .params(sealed, idx, id).update() == 1;
    }

    Optional<Row> find(String id) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE id = ?").param(id).query(this::row).optional();
    }

    /** The row locked for a change of status (revocation, replacement). */
    Optional<Row> lock(String id) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE id = ? FOR UPDATE").param(id).query(this::row).optional();
    }

    void supersede(String id) {
        jdbc.sql("UPDATE licenses_license SET status = 'SUPERSEDED' WHERE id = ?").param(id).update();
    }

    void revoke(String id, String by, String reason, Instant at) {
        jdbc.sql("UPDATE licenses_license SET status = 'REVOKED', revoked_at = ?, revoked_by = ?, revocation_reason = ? "
                        + "WHERE id = ?")
                .params(Timestamp.from(at), by, reason, id).update();
    }

    /** A holder's licenses that are not replaced by a newer version, newest first; {@code validOnly} drops revoked and expired ones. */
    List<Row> heldBy(SubjectType holderType, byte[] holderIdx, boolean validOnly, LocalDate today) {
        String filter = validOnly
                ? " AND status = 'VALID' AND (valid_until IS NULL OR valid_until >= :today)"
                : " AND status <> 'SUPERSEDED'";
        return jdbc.sql("SELECT * FROM licenses_license WHERE holder_type = :type AND holder_idx = :idx" + filter
                        + " ORDER BY issued_at DESC, id DESC")
                .param("type", holderType.name()).param("idx", holderIdx).param("today", today)
                .query(this::row).list();
    }

    /** The newest licenses a department issued, optionally only those whose id contains {@code idPart}. */
    List<Row> issuedBy(String department, String idPart, int limit) {
        return jdbc.sql("SELECT * FROM licenses_license WHERE issuing_department = ? AND id LIKE ? "
                        + "ORDER BY issued_at DESC, id DESC LIMIT ?")
                .params(department, "%" + (idPart == null ? "" : escapeLike(idPart)) + "%", limit)
                .query(this::row).list();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        java.sql.Date validUntil = rs.getDate("valid_until");
        return new Row(rs.getString("id"), rs.getString("type_code"), rs.getLong("serial"), rs.getInt("version"),
                SubjectType.valueOf(rs.getString("holder_type")), rs.getBytes("holder_key"), rs.getString("holder_name"),
                JSON.readValue(rs.getString("fields"), FIELDS), rs.getString("issuing_department"),
                rs.getDate("issued_on").toLocalDate(), validUntil == null ? null : validUntil.toLocalDate(),
                rs.getString("status"), rs.getString("key_id"), rs.getBytes("signature"), rs.getString("replaces"),
                rs.getString("reason"), rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant(), rs.getString("revoked_by"),
                rs.getString("revocation_reason"));
    }
}
