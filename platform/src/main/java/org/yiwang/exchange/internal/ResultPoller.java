package org.yiwang.exchange.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;

/**
 * Reads results that department systems leave in their own result table (JDBC) or inbox folder (FILE) and applies
 * them like posted ones. Several nodes may read the same rows: each result id takes effect once (see
 * {@link Results}). A result that cannot be applied is recorded as refused, with the rule it broke, and not read
 * again.
 */
@Component
class ResultPoller {

    private static final Logger log = LoggerFactory.getLogger(ResultPoller.class);

    private final ExchangeStates states;
    private final Results results;
    private final DepartmentDatabases databases;
    private final JdbcClient jdbc;

    ResultPoller(ExchangeStates states, Results results, DepartmentDatabases databases, JdbcClient jdbc) {
        this.states = states;
        this.results = results;
        this.databases = databases;
        this.jdbc = jdbc;
    }

    /** Once in the cluster, every {@code yiwang.exchange.result-poll} (the task in {@link ExchangeConfiguration}). */
    void poll() {
        ExchangeState state = states.current();
        for (Connector c : state.connectors().values()) {
            if (!c.enabled()) continue;
            boolean table = c.kind() == ConnectorKind.JDBC && c.options().containsKey("resultTable");
            boolean folder = c.kind() == ConnectorKind.FILE && c.options().containsKey("inbox");
            if (!table && !folder) continue;
            try {
                if (table) pollTable(c, state.secrets().get(c.code()));
                else pollFolder(c);
            } catch (RuntimeException e) {
                log.warn("exchange: reading results of {} failed: {}", c.code(), e.getMessage());
            }
        }
    }

    /** Rows at or after the newest time already read; ids already applied are skipped by {@link Results}. */
    private void pollTable(Connector c, String password) {
        String timeColumn = c.option("resultTimeColumn", null);
        Instant mark = jdbc.sql("SELECT result_mark FROM exchange_connector WHERE code = ?").param(c.code())
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        String table = "SELECT * FROM " + c.option("resultTable", null);
        JdbcTemplate department = new JdbcTemplate(databases.of(c, password));
        List<Map<String, Object>> rows = timeColumn == null ? department.queryForList(table)
                : mark == null ? department.queryForList(table + " ORDER BY " + timeColumn)
                : department.queryForList(table + " WHERE " + timeColumn + " >= ? ORDER BY " + timeColumn,
                        Timestamp.from(mark));
        Instant newest = mark;
        for (Map<String, Object> row : rows) {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((k, v) -> values.put(k.toUpperCase(), v == null ? null : v.toString()));
            String id = values.get(c.option("resultIdColumn", "RESULT_ID").toUpperCase());
            if (id == null || applied(c, id)) continue;
            String questioned = values.get(c.option("questionedColumn", "QUESTIONED").toUpperCase());
            apply(c, new InboundResult(id, uuid(values.get(c.option("resultPartColumn", "PART_ID").toUpperCase())),
                    values.get(c.option("statusColumn", "STATUS").toUpperCase()),
                    values.get(c.option("reasonColumn", "REASON").toUpperCase()),
                    questioned == null || questioned.isBlank() ? List.of() : Arrays.asList(questioned.split("[;,]")),
                    licenseValues(c, values)));
            if (timeColumn != null && row.get(timeColumn) instanceof Timestamp t
                    && (newest == null || t.toInstant().isAfter(newest))) {
                newest = t.toInstant();
            }
        }
        if (newest != null) {
            jdbc.sql("UPDATE exchange_connector SET result_mark = ? WHERE code = ?")
                    .params(Timestamp.from(newest), c.code()).update();
        }
    }

    /** Each file is applied row by row, then moved to {@code done/} (or {@code failed/} when it cannot be read). */
    private void pollFolder(Connector c) {
        Path inbox = Path.of(c.option("inbox", null));
        if (!Files.isDirectory(inbox)) return;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox, "*.{csv,xlsx}")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new IllegalStateException("inbox unreadable", e);
        }
        files.sort(null);
        for (Path file : files) {
            String outcome = "done";
            try {
                for (Map<String, String> row : Sheets.read(file)) {
                    String id = row.get("resultId");
                    if (id == null || applied(c, id)) continue;
                    String questioned = row.getOrDefault("questioned", "");
                    apply(c, new InboundResult(id, uuid(row.get("partId")), row.get("status"), row.get("reason"),
                            questioned.isBlank() ? List.of() : Arrays.asList(questioned.split("[;,]")),
                            licenseValues(c, row)));
                }
            } catch (IOException | RuntimeException e) {
                outcome = "failed";
                log.warn("exchange: result file {} of {} unreadable: {}", file.getFileName(), c.code(), e.getMessage());
            }
            move(file, inbox.resolve(outcome));
        }
    }

    private Map<String, String> licenseValues(Connector c, Map<String, String> row) {
        Map<String, String> license = new LinkedHashMap<>();
        var mapping = states.current().mappings().get(c.code());
        if (mapping == null) return license;
        mapping.mapping().licenseFields().keySet().forEach(field -> {
            String value = row.get(field) != null ? row.get(field) : row.get(field.toUpperCase());
            if (value != null && !value.isBlank()) license.put(field, value);
        });
        return license;
    }

    private boolean applied(Connector c, String resultId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_result WHERE connector = ? AND result_id = ?)")
                .params(c.code(), resultId).query(Boolean.class).single();
    }

    /**
     * Each in its own transaction. A result that breaks a rule is recorded as refused and not read again; any other
     * failure (our database, say) leaves it for the next poll.
     */
    private void apply(Connector c, InboundResult result) {
        try {
            results.apply(c, result);
        } catch (InvalidInputException | AccessDeniedProblem | NotFoundProblem e) {
            log.info("exchange: result {} of {} refused: {}", result.resultId(), c.code(), e.getMessage());
            jdbc.sql("""
                    INSERT INTO exchange_result (connector, result_id, part_id, status, answer)
                    VALUES (?,?,?,'REFUSED', jsonb_build_object('problem', ?::text)) ON CONFLICT DO NOTHING""")
                    .params(c.code(), result.resultId(), result.partId() == null ? new UUID(0, 0) : result.partId(),
                            e.getMessage()).update();
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void move(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("exchange: could not move {}: {}", file.getFileName(), e.getMessage());
        }
    }
}
