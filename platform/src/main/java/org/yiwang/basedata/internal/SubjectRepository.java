package org.yiwang.basedata.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.SubjectType;

/** SQL for subjects, their history and conflicts. Bulk inserts use PostgreSQL's COPY. */
@Repository
class SubjectRepository {

    private static final String COLUMNS =
            "id, subject_type, key_idx, key_display, division_code, grid_code, birth_date, gender, status, phone_idx, "
                    + "ref_idx, attrs, version";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final StoredForm form;

    SubjectRepository(JdbcClient jdbc, DataSource dataSource, StoredForm form) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.form = form;
    }

    Optional<SubjectRow> find(SubjectType type, byte[] keyIdx, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM basedata_subject WHERE subject_type = ? AND key_idx = ?"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .params(type.name(), keyIdx).query(this::row).optional();
    }

    Optional<SubjectRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM basedata_subject WHERE id = ?").param(id).query(this::row).optional();
    }

    /** Rows for many keys at once, locked for update, keyed by the hex of their key index. */
    Map<String, SubjectRow> findAllForUpdate(SubjectType type, List<byte[]> keyIdx) {
        Map<String, SubjectRow> found = new LinkedHashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM basedata_subject WHERE subject_type = ? AND key_idx = ANY(?) FOR UPDATE")
                .params(type.name(), keyIdx.toArray(byte[][]::new))
                .query(this::row).list()
                .forEach(r -> found.put(HexFormat.of().formatHex(r.keyIdx()), r));
        return found;
    }

    void insert(SubjectRow r) {
        jdbc.sql("INSERT INTO basedata_subject (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?)")
                .params(r.id(), r.type().name(), r.keyIdx(), r.keyDisplay(), r.divisionCode(), r.gridCode(),
                        r.birthDate(), r.gender(), r.status(), r.phoneIdx(), r.refIdx(), form.attrs(r.attrs()),
                        r.version())
                .update();
    }

    void update(SubjectRow r) {
        jdbc.sql("""
                UPDATE basedata_subject SET division_code = ?, grid_code = ?, birth_date = ?, gender = ?, status = ?,
                       phone_idx = ?, ref_idx = ?, attrs = ?::jsonb, version = version + 1, updated_at = now()
                 WHERE id = ?""")
                .params(r.divisionCode(), r.gridCode(), r.birthDate(), r.gender(), r.status(), r.phoneIdx(),
                        r.refIdx(), form.attrs(r.attrs()), r.id())
                .update();
    }

    long insertChange(ChangeRow c) {
        return jdbc.sql("""
                INSERT INTO basedata_change (subject_type, subject_id, changes, source_department, method, asserted_at,
                                             actor, purpose, reason, import_id)
                VALUES (?,?,?::jsonb,?,?,?,?,?,?,?) RETURNING id""")
                .params(c.type().name(), c.subjectId(), form.changes(c.changes()), c.source(), c.method(),
                        Timestamp.from(c.assertedAt()), c.actor(), c.purpose(), c.reason(), c.importId())
                .query(Long.class).single();
    }

    void insertConflict(SubjectType type, UUID subjectId, AuthorityResolver.Conflict c, String storedOffer) {
        jdbc.sql("""
                INSERT INTO basedata_conflict (subject_type, subject_id, element, offered_value, offered_source,
                    offered_method, offered_at, current_source, current_method, current_at)
                VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(type.name(), subjectId, c.element(), storedOffer, c.offeredProvenance().sourceDepartment(),
                        c.offeredProvenance().method().name(), Timestamp.from(c.offeredProvenance().at()),
                        c.current().sourceDepartment(), c.current().method().name(), Timestamp.from(c.current().at()))
                .update();
    }

    List<ChangeRow> history(UUID subjectId, int limit) {
        return jdbc.sql("""
                SELECT subject_type, subject_id, changes, source_department, method, asserted_at, actor, purpose, reason,
                       import_id FROM basedata_change WHERE subject_id = ? ORDER BY id DESC LIMIT ?""")
                .params(subjectId, limit)
                .query((rs, n) -> new ChangeRow(SubjectType.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        form.changes(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, UUID.class)))
                .list();
    }

    /** Open conflicts of a subject: element, offered value (stored form) and both provenances. */
    List<Map<String, Object>> openConflicts(UUID subjectId) {
        return jdbc.sql("""
                SELECT id, element, offered_value, offered_source, offered_method, offered_at, current_source,
                       current_method, current_at, recorded_at
                  FROM basedata_conflict WHERE subject_id = ? AND status = 'OPEN' ORDER BY id""")
                .param(subjectId).query().listOfRows();
    }

    /** Bulk insert of new subjects with COPY, in the caller's transaction. */
    void copyInsert(List<SubjectRow> rows) {
        copy("COPY basedata_subject (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", printer -> {
            for (SubjectRow r : rows) {
                printer.printRecord(r.id(), r.type().name(), hex(r.keyIdx()), r.keyDisplay(), r.divisionCode(),
                        r.gridCode(), r.birthDate(), r.gender(), r.status(), hex(r.phoneIdx()), hex(r.refIdx()),
                        form.attrs(r.attrs()), r.version());
            }
        });
    }

    /** Bulk insert of history entries with COPY, in the caller's transaction. */
    void copyChanges(List<ChangeRow> changes) {
        copy("COPY basedata_change (subject_type, subject_id, changes, source_department, method, asserted_at, actor, "
                + "purpose, reason, import_id) FROM STDIN WITH (FORMAT csv)", printer -> {
            for (ChangeRow c : changes) {
                printer.printRecord(c.type().name(), c.subjectId(), form.changes(c.changes()), c.source(),
                        c.method(), c.assertedAt(), c.actor(), c.purpose(), c.reason(), c.importId());
            }
        });
    }

    long count(SubjectType type) {
        return jdbc.sql("SELECT count(*) FROM basedata_subject WHERE subject_type = ?").param(type.name())
                .query(Long.class).single();
    }

    List<String> keysReferencing(SubjectType type, byte[] personIdx) {
        return jdbc.sql("SELECT key_display FROM basedata_subject WHERE subject_type = ? AND ref_idx = ? ORDER BY key_display")
                .params(type.name(), personIdx).query(String.class).list();
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private void copy(String sql, Rows rows) {
        StringWriter buffer = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(buffer, CSVFormat.DEFAULT)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(buffer.toString()));
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw new DuplicateKeyException("subject created concurrently", e);
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : "\\x" + HexFormat.of().formatHex(bytes);
    }

    private SubjectRow row(ResultSet rs, int n) throws SQLException {
        return new SubjectRow(rs.getObject("id", UUID.class), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getBytes("key_idx"), rs.getString("key_display"), rs.getString("division_code"),
                rs.getString("grid_code"), rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("gender"),
                rs.getString("status"), rs.getBytes("phone_idx"), rs.getBytes("ref_idx"),
                form.attrs(rs.getString("attrs")), rs.getLong("version"));
    }
}
