package org.yiwang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Where PostgreSQL's time goes during a load, when the server preloads {@code pg_stat_statements} (embedded:
 * {@code -Dbench.platformArgs=--yiwang.embedded.server-config.shared_preload_libraries=pg_stat_statements}):
 * the statements by total execution time, per call of the load. Silent otherwise.
 */
final class PgStatements {

    private static final int TOP = 15;

    private final DataSource dataSource;
    private final boolean enabled;

    private PgStatements(DataSource dataSource, boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    static PgStatements of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SHOW shared_preload_libraries")) {
                if (!r.next() || !r.getString(1).contains("pg_stat_statements")) return new PgStatements(dataSource, false);
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
            return new PgStatements(dataSource, true);
        } catch (SQLException e) {
            Results.note("pg_stat_statements not usable: " + e.getMessage());
            return new PgStatements(dataSource, false);
        }
    }

    void reset() throws SQLException {
        if (!enabled) return;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** {@link #reset()} from a thread that cannot throw (a load's callback); a failure only loses the figures. */
    void resetQuietly() {
        try {
            reset();
        } catch (SQLException e) {
            Results.note("pg_stat_statements_reset failed: " + e.getMessage());
        }
    }

    /**
     * The top statements since the last reset (warm-up included), per execution of the statement that starts with
     * {@code unit} (e.g. the insert of the application: per submission).
     */
    void report(String per, String unit) throws SQLException {
        report(per, unit, "warm-up included");
    }

    /** @param since what the figures cover, e.g. "measured period only" */
    void report(String per, String unit, String since) throws SQLException {
        if (!enabled) return;
        double count;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '"
                     + unit.replace("'", "''") + "%'")) {
            r.next();
            count = r.getDouble(1);
        }
        if (count == 0) return;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT calls, total_exec_time, sum(total_exec_time) OVER () AS all_time,
                            sum(calls) OVER () AS all_calls,
                            regexp_replace(query, '\\s+', ' ', 'g') AS query
                       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT""" + " " + TOP)) {
            boolean first = true;
            while (r.next()) {
                if (first) {
                    Results.note(String.format("PostgreSQL: %.1f statements and %.2f ms of execution per %s (%s;"
                                    + " parsing, commits and WAL flushes not counted); the top ones:",
                            r.getDouble("all_calls") / count, r.getDouble("all_time") / count, per, since));
                    first = false;
                }
                String query = r.getString("query");
                Results.note(String.format("  %5.1f%%  %5.2f calls  %6.3f ms  %s",
                        100 * r.getDouble("total_exec_time") / r.getDouble("all_time"),
                        r.getDouble("calls") / count, r.getDouble("total_exec_time") / count,
                        query.length() > 110 ? query.substring(0, 110) + "…" : query));
            }
        }
    }
}
