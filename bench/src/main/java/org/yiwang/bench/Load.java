package org.yiwang.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: a fixed number of clients, each calling an operation back to back with a random key, first
 * for an untimed warm-up, then for a measured period. Bounded in time and in calls.
 */
final class Load {

    /** One call by one client; returns whether it succeeded. Each client gets its own instance. */
    interface Operation extends AutoCloseable {

        boolean call(String key) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface OperationFactory {
        Operation open() throws Exception;
    }

    /** What the measured period gave. Latencies in microseconds. */
    record Outcome(long ok, long failed, double seconds, Histogram latencies) {

        double throughput() {
            return ok / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final long MAX_CALLS_PER_CLIENT = 50_000_000L;
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(2);

    private Load() {}

    static Outcome run(int clients, Duration warmup, Duration measure, String[] keys, OperationFactory operations)
            throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> client(operations, keys, measureFrom, measureUntil)));
            }
            long ok = 0;
            long failed = 0;
            Histogram all = new Histogram(MAX_LATENCY_MICROS, 3);
            for (Future<Outcome> future : futures) {
                Outcome one = future.get();
                ok += one.ok();
                failed += one.failed();
                all.add(one.latencies());
            }
            return new Outcome(ok, failed, measure.toNanos() / 1e9, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome client(OperationFactory operations, String[] keys, long measureFrom, long measureUntil)
            throws Exception {
        Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        long ok = 0;
        long failed = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Operation operation = operations.open()) {
            for (long calls = 0; calls < MAX_CALLS_PER_CLIENT; calls++) {
                long before = System.nanoTime();
                if (before >= measureUntil) break;
                boolean success;
                try {
                    success = operation.call(keys[random.nextInt(keys.length)]);
                } catch (Exception e) {
                    success = false;
                }
                if (before < measureFrom) continue;
                if (success) {
                    ok++;
                    latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - before) / 1000));
                } else {
                    failed++;
                }
            }
        }
        return new Outcome(ok, failed, 0, latencies);
    }
}
