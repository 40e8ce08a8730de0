package org.yiwang.bench;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.WriteResult;
import org.yiwang.kernel.Actor;

/**
 * An open-loop load of changes to the base: change {@code n} is due at {@code start + n / rate}, whatever happened
 * to the ones before, and is handed to a pool of writers, each a {@code Facts.write} committed on its own. The time
 * of each commit is taken as soon as the write returns. Bounded in time and in calls.
 */
final class ChangeLoad {

    /** What change {@code n} writes, and to which connectors it should travel. */
    record Planned(int person, String citizenId, String element, String value, List<String> connectors) {}

    interface Planner {
        Planned plan(long n);

        /** The write of {@code planned} returned: committed, or failed. */
        void done(Planned planned, boolean committed);
    }

    /**
     * Every change of the run, by {@code n}: {@code committedAt} is {@link System#nanoTime()} just after the commit,
     * 0 for a write that failed; {@code subjects[n]} the subject written.
     */
    record Run(Planned[] planned, UUID[] subjects, long[] dueAt, long[] committedAt, long measureFrom,
               long measureUntil, long failed, long unchanged, String firstError) {

        int size() {
            return planned.length;
        }

        boolean measured(int n) {
            return committedAt[n] >= measureFrom && committedAt[n] < measureUntil;
        }

        double seconds() {
            return (measureUntil - measureFrom) / 1e9;
        }
    }

    private static final long MAX_CHANGES = 2_000_000;

    private final Facts facts;
    private final Actor writer;
    private final Supplier<Attribution> attribution;

    /** @param department the writing department, authoritative for the element written */
    ChangeLoad(Facts facts, String department) {
        this.facts = facts;
        this.writer = Actor.system(department);
        this.attribution = () -> Attribution.of(department, Method.AUTHORITATIVE, "DATA_GOVERNANCE", "benchmark");
    }

    /**
     * Writes {@code rate} changes a second for the warm-up and then the measured period, by up to {@code writers}
     * at once; returns when every write has returned (at most 5 minutes after the last was due).
     *
     * @param onMeasure called at the start and at the end of the measured period (e.g. a CPU snapshot)
     */
    Run run(Planner planner, double rate, Duration warmup, Duration measure, int writers, Runnable onMeasure)
            throws InterruptedException {
        long total = Math.min(MAX_CHANGES, Math.round(rate * (warmup.toNanos() + measure.toNanos()) / 1e9));
        int size = (int) total;
        Planned[] planned = new Planned[size];
        UUID[] subjects = new UUID[size];
        long[] dueAt = new long[size];
        long[] committedAt = new long[size];
        AtomicLong failed = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        double period = 1e9 / rate;
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "bench-writer");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime() + 10_000_000L;
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        boolean measuring = false;
        try {
            for (int n = 0; n < size; n++) {
                long due = start + (long) (n * period);
                parkUntil(due);
                if (!measuring && due >= measureFrom) {
                    measuring = true;
                    onMeasure.run();
                }
                Planned p = planner.plan(n);
                planned[n] = p;
                dueAt[n] = due;
                int i = n;
                pool.execute(() -> {
                    try {
                        WriteResult result = facts.write(writer, SubjectRef.person(p.citizenId()),
                                List.of(new Fact(p.element(), p.value())), attribution.get());
                        committedAt[i] = System.nanoTime();
                        subjects[i] = result.subjectId();
                        if (!result.changed().contains(p.element())) unchanged.incrementAndGet();
                        planner.done(p, true);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        planner.done(p, false);
                    }
                });
            }
            parkUntil(measureUntil);
            onMeasure.run();
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("writes did not finish within 5 minutes of the last one due");
        }
        return new Run(planned, subjects, dueAt, committedAt, measureFrom, measureUntil, failed.get(),
                unchanged.get(), firstError.get());
    }

    private static void parkUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) LockSupport.parkNanos(left);
    }
}
