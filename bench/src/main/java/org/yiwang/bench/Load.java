package org.yiwang.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    /**
     * What the measured period gave. Latencies in microseconds; {@code clientCpu}: CPU seconds the clients used;
     * {@code cpu}: who used the machine's CPU meanwhile, when a meter was given.
     */
    record Outcome(long ok, long failed, double seconds, Histogram latencies, double clientCpu, CpuMeter.Usage cpu) {

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
        return run(clients, warmup, measure, keys, operations, null);
    }

    static Outcome run(int clients, Duration warmup, Duration measure, String[] keys, OperationFactory operations,
                       CpuMeter meter) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> client(operations, keys, measureFrom, measureUntil)));
            }
            CpuMeter.Snapshot from = null;
            CpuMeter.Snapshot to = null;
            if (meter != null) {
                sleepUntil(measureFrom);
                from = meter.snapshot();
                sleepUntil(measureUntil);
                to = meter.snapshot();
            }
            long ok = 0;
            long failed = 0;
            double clientCpu = 0;
            Histogram all = new Histogram(MAX_LATENCY_MICROS, 3);
            for (Future<Outcome> future : futures) {
                Outcome one = future.get();
                ok += one.ok();
                failed += one.failed();
                clientCpu += one.clientCpu();
                all.add(one.latencies());
            }
            return new Outcome(ok, failed, measure.toNanos() / 1e9, all, clientCpu,
                    meter == null ? null : CpuMeter.between(from, to, clientCpu));
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuFrom = -1;
        try (Operation operation = operations.open()) {
            for (long calls = 0; calls < MAX_CALLS_PER_CLIENT; calls++) {
                long before = System.nanoTime();
                if (before >= measureUntil) break;
                if (cpuFrom < 0 && before >= measureFrom) cpuFrom = threads.getCurrentThreadCpuTime();
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
        double cpu = cpuFrom < 0 ? 0 : (threads.getCurrentThreadCpuTime() - cpuFrom) / 1e9;
        return new Outcome(ok, failed, 0, latencies, cpu, null);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(left);
    }
}
