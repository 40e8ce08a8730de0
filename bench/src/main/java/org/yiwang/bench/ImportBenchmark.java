package org.yiwang.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.BulkImport;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.Method;
import org.yiwang.demo.SyntheticDistrict;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;

/**
 * The same person file imported twice into the same database: by a plain JDBC batch insert of the cells as text
 * (the floor: no validation, no encryption, no history, no audit), then through the platform's bulk import.
 */
final class ImportBenchmark {

    static final String PLAIN_TABLE = "bench_plain_person";
    private static final int BATCH = 1000;

    private ImportBenchmark() {}

    static void run(DataSource dataSource, BulkImport bulkImport, Path csv, int persons) throws Exception {
        double plain = plainRowsPerSecond(dataSource, csv, persons);
        Results.result("import_plain_jdbc", plain, "rows/s");
        checkpoint(dataSource);

        long start = System.nanoTime();
        ImportReport report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
            report = bulkImport.importFile(Actor.system("310000-DSJ"), SubjectType.PERSON, "csv", in,
                    Attribution.of("310104-GA", Method.AUTHORITATIVE, "DATA_GOVERNANCE", "benchmark"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double ours = report.imported() / seconds;
        Results.result("import_ours", ours, "rows/s");
        Results.result("import_rejected", report.rejected(), "rows");
        Results.result("import_ratio", ours / plain, "ratio");
        if (report.imported() != persons) {
            Results.note("import " + report.status() + ": " + report.imported() + " of " + persons
                    + " rows imported; first problems: " + report.problems().stream().limit(3).toList());
        }
    }

    static double plainRowsPerSecond(DataSource dataSource, Path csv, int persons) throws SQLException,
            IOException {
        List<String> columns = SyntheticDistrict.columns(SubjectType.PERSON).stream()
                .map(c -> c.replace('.', '_')).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS " + PLAIN_TABLE);
                ddl.execute("CREATE TABLE " + PLAIN_TABLE + " (" + columns.get(0) + " TEXT PRIMARY KEY, "
                        + String.join(" TEXT, ", columns.subList(1, columns.size())) + " TEXT)");
            }
            connection.commit();
            String insert = "INSERT INTO " + PLAIN_TABLE + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            long start = System.nanoTime();
            long rows = 0;
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                 PreparedStatement statement = connection.prepareStatement(insert)) {
                for (CSVRecord record : parser) {
                    for (int i = 0; i < columns.size(); i++) {
                        String cell = record.get(i);
                        statement.setString(i + 1, cell.isEmpty() ? null : cell);
                    }
                    statement.addBatch();
                    if (++rows % BATCH == 0) {
                        statement.executeBatch();
                        connection.commit();
                    }
                }
                statement.executeBatch();
                connection.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (rows != persons) throw new IllegalStateException("plain insert wrote " + rows + " of " + persons + " rows");
            return rows / seconds;
        }
    }

    /** Flushes the baseline's dirty pages so that they do not slow down the next phase; needs superuser. */
    private static void checkpoint(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            Results.note("CHECKPOINT skipped: " + e.getMessage());
        }
    }

    static void dropPlainTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + PLAIN_TABLE);
        } catch (SQLException e) {
            Results.note("could not drop " + PLAIN_TABLE + ": " + e.getMessage());
        }
    }
}
