package org.yiwang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What the platform's database sessions are doing during a load, sampled from {@code pg_stat_activity} every
 * 100 ms: per statement and wait event (CPU when running without a wait; "idle in transaction" while the JVM holds a
 * transaction open), the average number of sessions so engaged. Shows whether a load waits on PostgreSQL's CPU, on
 * WAL flushes at commit, on locks, or on the JVM.
 */
final class PgWaits implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 100;
    private static final int TOP = 12;

    private final DataSource dataSource;
    private final Map<String, Integer> counts = new HashMap<>();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread sampler;
    private volatile boolean running = true;

    private PgWaits(DataSource dataSource) {
        this.dataSource = dataSource;
        this.sampler = new Thread(this::sample, "bench-pg-waits");
        sampler.setDaemon(true);
    }

    static PgWaits start(DataSource dataSource) {
        PgWaits waits = new PgWaits(dataSource);
        waits.sampler.start();
        return waits;
    }

    private void sample() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (running) {
                try (ResultSet r = s.executeQuery("""
                        SELECT CASE WHEN state = 'active' THEN coalesce(wait_event_type || ':' || wait_event, 'CPU')
                                    ELSE state END,
                               regexp_replace(left(query, 50), '\\s+', ' ', 'g')
                          FROM pg_stat_activity
                         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                           AND state IN ('active', 'idle in transaction')""")) {
                    synchronized (counts) {
                        while (r.next()) counts.merge(r.getString(1) + "  " + r.getString(2), 1, Integer::sum);
                    }
                }
                samples.incrementAndGet();
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (Exception e) {
            if (running) Results.note("pg_stat_activity sampling stopped: " + e.getMessage());
        }
    }

    /** Stops sampling and prints the top entries. */
    void report(String what) {
        close();
        int n = Math.max(1, samples.get());
        synchronized (counts) {
            double busy = counts.values().stream().mapToInt(Integer::intValue).sum() / (double) n;
            Results.note(String.format("%s: PostgreSQL sessions busy on average %.2f (pg_stat_activity, %d samples);"
                    + " by wait and statement:", what, busy, n));
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(TOP).forEach(e ->
                    Results.note(String.format("  %5.2f  %s", e.getValue() / (double) n, e.getKey())));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
