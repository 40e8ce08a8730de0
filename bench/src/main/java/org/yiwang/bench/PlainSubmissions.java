package org.yiwang.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The floor of a submission: the rows one real submission wrote in its transaction — read back from the database
 * after a probe submission — inserted again by plain JDBC into scratch copies of their tables ({@code LIKE ...
 * INCLUDING ALL}, with the same foreign keys), one transaction per submission, with fresh keys. No validation, no
 * form assembly, no encryption, no policy, no HTTP: only the writes.
 */
final class PlainSubmissions {

    static final String PREFIX = "bench_plain_";

    /** The platform's tables a submission writes, in the order they are written here. */
    private static final List<String> TABLES = List.of("services_application", "services_part",
            "services_part_event", "basedata_change", "audit_record", "event_publication");

    /** Columns the database fills in (serial ids) or a later step sets (the audit chain, listener completion). */
    private static final Map<String, Set<String>> LEFT_OUT = Map.of(
            "services_part_event", Set.of("id"),
            "basedata_change", Set.of("id"),
            "audit_record", Set.of("id", "chain_seq", "prev_hash", "hash"),
            "event_publication", Set.of("completion_date", "status", "completion_attempts", "last_resubmission_date"));

    private static final Set<String> SERIAL = Set.of("services_part_event", "basedata_change", "audit_record");

    /** One table's captured rows: the columns inserted and their values. */
    private record Rows(String table, List<String> columns, List<Object[]> values) {

        String insert() {
            return "INSERT INTO " + PREFIX + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    /** What one submission wrote: its rows per table, and the new state of the applicant's row in the base. */
    record Template(List<Rows> tables, Object subjectAttrs) {

        String describe() {
            return tables.stream().map(t -> t.table() + " " + t.values().size()).collect(Collectors.joining(", "))
                    + ", basedata_subject 1 (update)";
        }
    }

    private static final AtomicLong REFERENCES = new AtomicLong();

    private PlainSubmissions() {}

    /**
     * Reads back what the probe submission wrote. {@code auditAfter}/{@code changeAfter}: the highest ids before it;
     * the after-commit listeners' own reads (purpose {@code SERVICE_NOTIFICATION}) are not part of the submission.
     */
    static Template capture(DataSource dataSource, UUID application, String creditCode, UUID subject, long auditAfter,
                            long changeAfter) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Rows> tables = new ArrayList<>();
            tables.add(rows(c, "services_application", "SELECT * FROM services_application WHERE id = ?", application));
            tables.add(rows(c, "services_part", "SELECT * FROM services_part WHERE application_id = ? ORDER BY id",
                    application));
            tables.add(rows(c, "services_part_event", """
                    SELECT e.* FROM services_part_event e JOIN services_part p ON p.id = e.part_id
                     WHERE p.application_id = ? ORDER BY e.id""", application));
            tables.add(rows(c, "basedata_change", "SELECT * FROM basedata_change WHERE id > ? AND subject_id = ? ORDER BY id",
                    changeAfter, subject));
            tables.add(rows(c, "audit_record", """
                    SELECT * FROM audit_record WHERE id > ? AND subject_key = ?
                       AND purpose IS DISTINCT FROM 'SERVICE_NOTIFICATION' ORDER BY id""", auditAfter, creditCode));
            tables.add(rows(c, "event_publication",
                    "SELECT * FROM event_publication WHERE serialized_event LIKE ? ORDER BY publication_date",
                    "%" + application + "%"));
            Object attrs;
            try (PreparedStatement s = c.prepareStatement("SELECT attrs FROM basedata_subject WHERE id = ?")) {
                s.setObject(1, subject);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    attrs = r.getObject(1);
                }
            }
            return new Template(tables, attrs);
        }
    }

    private static Rows rows(Connection c, String table, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                Set<String> leftOut = LEFT_OUT.getOrDefault(table, Set.of());
                List<String> columns = new ArrayList<>();
                List<Integer> indexes = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (leftOut.contains(meta.getColumnName(i))) continue;
                    columns.add(meta.getColumnName(i));
                    indexes.add(i);
                }
                List<Object[]> values = new ArrayList<>();
                while (r.next()) {
                    Object[] row = new Object[indexes.size()];
                    for (int i = 0; i < row.length; i++) {
                        Object v = r.getObject(indexes.get(i));
                        // arrays as plain Java arrays: a driver Array belongs to the connection that read it
                        row[i] = v instanceof Array a ? a.getArray() : v;
                    }
                    values.add(row);
                }
                if (values.isEmpty()) throw new IllegalStateException("the probe submission wrote no " + table + " row");
                return new Rows(table, columns, values);
            }
        }
    }

    /** Scratch copies of the tables, with the same indexes, constraints and foreign keys; serial ids of their own. */
    static void createTables(DataSource dataSource, List<UUID> subjects) throws SQLException {
        dropTables(dataSource);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("CREATE TABLE " + PREFIX + table + " (LIKE " + table + " INCLUDING ALL)");
                if (SERIAL.contains(table)) {
                    s.execute("CREATE SEQUENCE " + PREFIX + table + "_seq OWNED BY " + PREFIX + table + ".id");
                    s.execute("ALTER TABLE " + PREFIX + table + " ALTER COLUMN id SET DEFAULT nextval('" + PREFIX
                            + table + "_seq')");
                }
            }
            s.execute("ALTER TABLE " + PREFIX + "services_part ADD FOREIGN KEY (application_id) REFERENCES " + PREFIX
                    + "services_application (id)");
            s.execute("ALTER TABLE " + PREFIX + "services_part_event ADD FOREIGN KEY (part_id) REFERENCES " + PREFIX
                    + "services_part (id)");
            s.execute("CREATE TABLE " + PREFIX + "basedata_subject (LIKE basedata_subject INCLUDING ALL)");
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO " + PREFIX
                    + "basedata_subject SELECT * FROM basedata_subject WHERE id = ANY(?)")) {
                copy.setArray(1, c.createArrayOf("uuid", subjects.toArray()));
                copy.executeUpdate();
            }
            s.execute("ANALYZE " + PREFIX + "basedata_subject");
        }
    }

    static void dropTables(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> all = new ArrayList<>(TABLES);
            all.add("basedata_subject");
            Collections.reverse(all);
            for (String table : all) s.execute("DROP TABLE IF EXISTS " + PREFIX + table + " CASCADE");
        } catch (SQLException e) {
            Results.note("could not drop the " + PREFIX + "* tables: " + e.getMessage());
        }
    }

    /** One client: its own connection and statements, writing submissions for its own hotels. */
    static final class Writer implements Load.Operation {

        private final Connection connection;
        private final Template template;
        private final List<UUID> subjects;
        private final Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        private final PreparedStatement update;

        Writer(DataSource dataSource, Template template, List<UUID> subjects) throws SQLException {
            this.connection = dataSource.getConnection();
            this.connection.setAutoCommit(false);
            this.template = template;
            this.subjects = subjects;
            for (Rows t : template.tables()) inserts.put(t.table(), connection.prepareStatement(t.insert()));
            this.update = connection.prepareStatement("UPDATE " + PREFIX
                    + "basedata_subject SET attrs = ?, version = version + 1, updated_at = ? WHERE id = ?");
        }

        @Override
        public boolean call(String ignored) throws Exception {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            UUID application = UUID.randomUUID();
            Map<Object, UUID> parts = new HashMap<>();
            try {
                for (Rows t : template.tables()) {
                    PreparedStatement insert = inserts.get(t.table());
                    for (Object[] row : t.values()) {
                        for (int i = 0; i < row.length; i++) {
                            insert.setObject(i + 1, value(t, t.columns().get(i), row[i], now, application, parts));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    if (t.table().equals("services_application")) {
                        update.setObject(1, template.subjectAttrs());
                        update.setTimestamp(2, now);
                        update.setObject(3, subjects.get(ThreadLocalRandom.current().nextInt(subjects.size())));
                        if (update.executeUpdate() != 1) throw new IllegalStateException("no subject row");
                    }
                }
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        /** The captured value, except keys that must be fresh, links to the new rows, and times (now). */
        private static Object value(Rows t, String column, Object captured, Timestamp now, UUID application,
                                    Map<Object, UUID> parts) {
            if (captured instanceof Timestamp) return now;
            return switch (t.table() + "." + column) {
                case "services_application.id", "services_part.application_id" -> application;
                case "services_application.reference" -> "BP%022d".formatted(REFERENCES.incrementAndGet());
                case "services_application.idempotency_key" -> UUID.randomUUID().toString();
                case "services_part.id", "services_part_event.part_id" ->
                        parts.computeIfAbsent(captured, k -> UUID.randomUUID());
                case "event_publication.id" -> UUID.randomUUID();
                default -> captured;
            };
        }

        @Override
        public void close() throws Exception {
            for (PreparedStatement s : inserts.values()) s.close();
            update.close();
            connection.close();
        }
    }
}
