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

    void insert(Row row, byte[] holderIdx) {
        jdbc.sql("""
                INSERT INTO licenses_license (id, type_code, serial, version, holder_type, holder_key, holder_idx,
                    holder_name, fields, issuing_department, issued_on, valid_until, status, key_id, signature, replaces,
                    reason, issued_by, issued_at)
                VALUES (:id, :type, :serial, :version, :holderType, :holderKey, :holderIdx, :holderName,
                    CAST(:fields AS JSONB), :issuer, :issuedOn, :validUntil, :status, :keyId, :signature, :replaces,
                    :reason, :issuedBy, :issuedAt)""")
                .param("id", row.id()).param("type", row.typeCode()).param("serial", row.serial())
                .param("version", row.version()).param("holderType", row.holderType().name())
                .param("holderKey", row.holderKey()).param("holderIdx", holderIdx)
                .param("holderName", row.holderName()).param("fields", JSON.writeValueAsString(row.fields()))
                .param("issuer", row.issuingDepartment()).param("issuedOn", row.issuedOn())
                .param("validUntil", row.validUntil()).param("status", row.status()).param("keyId", row.keyId())
                .param("signature", row.signature()).param("replaces", row.replaces()).param("reason", row.reason())
                .param("issuedBy", row.issuedBy()).param("issuedAt", Timestamp.from(row.issuedAt()))
                .update();
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
