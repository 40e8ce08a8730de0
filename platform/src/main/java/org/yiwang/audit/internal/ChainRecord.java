package org.yiwang.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * An audit record as the chain sees it: every recorded field plus its link. The hash covers all of them in a
 * fixed, length-prefixed binary encoding, so no two different records encode alike.
 */
record ChainRecord(long id, Instant recordedAt, String actorUsername, String actorRole, String actorDepartment,
                   String purpose, String action, String subjectType, String subjectKey, String subjectDisplay,
                   List<String> elements, boolean allowed, String reason, Long chainSeq, byte[] prevHash,
                   byte[] hash) {

    /** The columns {@link #map} reads, in a form to paste into a SELECT. */
    static final String COLUMNS = "id, recorded_at, actor_username, actor_role, actor_department, purpose, action, "
            + "subject_type, subject_key, subject_display, elements, allowed, reason, chain_seq, prev_hash, hash";

    private static final byte ENCODING_VERSION = 1;

    static ChainRecord map(ResultSet rs, int row) throws SQLException {
        String[] elements = (String[]) rs.getArray("elements").getArray();
        long seq = rs.getLong("chain_seq");
        return new ChainRecord(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_username"), rs.getString("actor_role"), rs.getString("actor_department"),
                rs.getString("purpose"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_key"), rs.getString("subject_display"), Arrays.asList(elements),
                rs.getBoolean("allowed"), rs.getString("reason"), rs.wasNull() ? null : seq,
                rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    /** {@code SHA-256(prevHash || canonical encoding of this record at position seq)}. */
    byte[] computeHash(long seq, byte[] prevHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash);
            sha.update(canonical(seq));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] canonical(long seq) {
        var bytes = new ByteArrayOutputStream(256);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(ENCODING_VERSION);
            out.writeLong(seq);
            out.writeLong(id);
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt));
            for (String s : new String[] {actorUsername, actorRole, actorDepartment, purpose, action, subjectType,
                    subjectKey, subjectDisplay}) {
                writeString(out, s);
            }
            out.writeInt(elements.size());
            for (String element : elements) {
                writeString(out, element);
            }
            out.writeBoolean(allowed);
            writeString(out, reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
