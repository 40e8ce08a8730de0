package org.yiwang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.springframework.context.ApplicationContext;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.basedata.Facts;
import org.yiwang.demo.SyntheticDistrict;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.exchange.Connectors;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;

/**
 * Issue 4 §7: propagation of subscribed changes from commit to the receiver's acknowledgement. Department systems
 * on loopback ({@link Receivers}), each one REST connector of a street office with one subscription; an open-loop
 * load of {@code Facts.write} changes ({@link GridMoves}) at a fixed rate; latency per delivery = arrival at the
 * receiver − commit of the change. Beside it, a plain loop of signed POSTs of the same body to the same receivers,
 * then the same load fanned out to every system of a street, then the engine's capacity on a backlog.
 */
final class ExchangeBenchmark {

    static final String PREFIX = "BENCH-";
    /** Responsible for person.grid, so its writes are authoritative and always change the value. */
    private static final String WRITER = "310104-CY";
    private static final Actor INSTALLER = Actor.system("310000-DSJ");
    /** The two street offices, both with demand entries for these elements under GRASSROOTS_GOVERNANCE. */
    private static final List<String> STREETS = List.of("310104014", "310104011");
    private static final String PURPOSE = "GRASSROOTS_GOVERNANCE";
    private static final List<String> ELEMENTS = List.of("person.name", "person.phone", "person.residence_address",
            "person.grid");
    private static final Mapping MAPPING = new Mapping(Map.of("person.name", "XM", "person.phone", "LXDH",
            "person.residence_address", "JZDZ", "person.grid", "WGBH"), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of());
    private static final int WRITERS = 16;
    private static final int RECEIVER_THREADS = 8;
    private static final int MAX_RESIDENTS = 200_000;
    private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(10).toNanos() / 1000;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    /**
     * The outbox's update of a delivered delivery, one per delivery ({@code LIKE} pattern: pg_stat_statements shows
     * the state as written or as a parameter).
     */
    private static final String DELIVERED = "UPDATE exchange_delivery SET state = %, delivered_at = now()";

    private final ApplicationContext platform;
    private final DataSource dataSource;
    private final Connectors connectors;
    private final Settings settings;
    private final CpuMeter meter;
    private final PgStatements statements;
    private final DeliveryRows rows;

    private ExchangeBenchmark(ApplicationContext platform, Settings settings) {
        this.platform = platform;
        this.dataSource = platform.getBean(DataSource.class);
        this.connectors = platform.getBean(Connectors.class);
        this.settings = settings;
        this.meter = CpuMeter.of(dataSource);
        this.statements = PgStatements.of(dataSource);
        this.rows = new DeliveryRows(dataSource);
    }

    static void run(ApplicationContext platform, long seed, Settings settings) throws Exception {
        new ExchangeBenchmark(platform, settings).run(seed);
    }

    private void run(long seed) throws Exception {
        int perStreet = settings.receivers() / STREETS.size();
        if (perStreet < 1 || perStreet * STREETS.size() != settings.receivers()) {
            throw new IllegalArgumentException("bench.receivers must be a positive multiple of " + STREETS.size());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, List<String>> gridsByStreet = new LinkedHashMap<>();
        for (String street : STREETS) {
            List<String> grids = grids(street, perStreet);
            gridsByStreet.put(street, grids);
            for (int g = 0; g < grids.size(); g++) secrets.put(connectorCode(street, g), UUID.randomUUID().toString());
        }
        GridMoves moves = residents(seed, gridsByStreet);
        ServicesBenchmark.drain(dataSource);
        try (Receivers receivers = Receivers.start(List.copyOf(secrets.keySet()), secrets, RECEIVER_THREADS)) {
            install(moves, receivers, false);
            Results.note(String.format("%d REST connectors (%s-JD and %s-JD, %d each), one subscription each: a"
                            + " resident moving into the connector's grid; each change matches exactly one; %,d"
                            + " residents of the two streets", settings.receivers(), STREETS.get(0), STREETS.get(1),
                    perStreet, moves.streets().stream().mapToInt(s -> s.residents().length).sum()));

            // 1. the propagation at the target rate, each change to one system
            Figures one = propagate("exchange", moves, settings.changeRate(), settings.warmup(), settings.measure(),
                    receivers);

            // 2. the same receivers, a plain loop of signed POSTs of the body the platform sent
            Load.Outcome plain = PlainPosts.run(receivers, settings, meter);
            Results.result("plain_post_per_s", plain.throughput(), "requests/s");
            Results.result("plain_post_p50_ms", plain.percentileMillis(50), "ms");
            Results.result("plain_post_p99_ms", plain.percentileMillis(99), "ms");
            Results.result("plain_post_errors", plain.failed(), "requests");
            if (plain.cpu() != null) Results.note(plain.cpu().describe("request", plain.ok()));
            Results.result("exchange_ratio", one.deliveriesPerSecond() / plain.throughput(), "ratio");
            Results.result("exchange_p99_ratio", one.p99() / plain.percentileMillis(99), "ratio");

            // 3. fan-out: every grid change of a street to all its systems, the same deliveries a second
            install(moves, receivers, true);
            Duration shorter = Duration.ofSeconds(Math.max(5, settings.measure().toSeconds() / 2));
            Duration warm = Duration.ofSeconds(Math.max(3, settings.warmup().toSeconds() / 4));
            propagate("exchange_fanout", moves.withFanOut(true), (double) settings.changeRate() / perStreet, warm,
                    shorter, receivers);

            // 4. capacity: a backlog written while the connectors are off, then drained as fast as the engine can
            install(moves, receivers, false);
            double capacity = drainBacklog(moves.withFanOut(false), receivers,
                    (int) Math.min(50_000, settings.changeRate() * shorter.toSeconds()));
            Results.result("exchange_drain_ratio", capacity / plain.throughput(), "ratio");
        } finally {
            uninstall(secrets.keySet());
        }
    }

    // ---- set-up

    /** The first grid of each of the street's first {@code count} communities. */
    private List<String> grids(String street, int count) throws SQLException {
        List<String> grids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT min(code) FROM directory_division WHERE level = 'GRID' AND code LIKE ?
                 GROUP BY parent_code ORDER BY 1 LIMIT ?""")) {
            s.setString(1, street + "%");
            s.setInt(2, count);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) grids.add(r.getString(1));
            }
        }
        if (grids.size() < count) throw new IllegalStateException("street " + street + " has only " + grids.size() + " grids");
        return grids;
    }

    /** The imported residents of the two streets (the same generator and seed as the import), with their grids. */
    private GridMoves residents(long seed, Map<String, List<String>> gridsByStreet) {
        List<String> ids = new ArrayList<>();
        List<String> grids = new ArrayList<>();
        Map<String, List<Integer>> byStreet = new LinkedHashMap<>();
        gridsByStreet.keySet().forEach(s -> byStreet.put(s, new ArrayList<>()));
        new SyntheticDistrict(seed).persons(settings.persons())
                .filter(p -> byStreet.containsKey(p.division()))
                .limit(MAX_RESIDENTS)
                .forEach(p -> {
                    byStreet.get(p.division()).add(ids.size());
                    ids.add(p.citizenId());
                    grids.add(p.grid());
                });
        List<GridMoves.Street> streets = new ArrayList<>();
        for (var e : gridsByStreet.entrySet()) {
            int[] residents = byStreet.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            if (residents.length < 2) throw new IllegalStateException("too few residents in " + e.getKey());
            List<String> codes = IntStream.range(0, e.getValue().size()).mapToObj(g -> connectorCode(e.getKey(), g))
                    .toList();
            streets.add(new GridMoves.Street(e.getKey(), e.getValue(), codes, residents));
        }
        return new GridMoves(streets, ids.toArray(String[]::new), grids.toArray(String[]::new), false);
    }

    private static String connectorCode(String street, int grid) {
        return String.format("%sJD%s-G%02d", PREFIX, street.substring(6), grid + 1);
    }

    private static String subscriptionCode(String connector) {
        return connector + "-MOVES";
    }

    /**
     * Connectors (created once, then left as they are), their mappings, and one subscription each: into its grid, or
     * with {@code fanOut} any grid change in the street.
     */
    private void install(GridMoves moves, Receivers receivers, boolean fanOut) {
        Map<String, Receivers.Receiver> byCode = new HashMap<>();
        receivers.receivers().forEach(r -> byCode.put(r.connector(), r));
        for (GridMoves.Street street : moves.streets()) {
            for (int g = 0; g < street.grids().size(); g++) {
                String code = street.connectors().get(g);
                String grid = street.grids().get(g);
                Receivers.Receiver receiver = byCode.get(code);
                connectors.save(INSTALLER, new Connector(code, street.code() + "-JD", "基准测试 网格管理系统 " + grid,
                        ConnectorKind.REST, receiver.url(), Map.of(), List.of(), 8, true), receiver.secret());
                if (connectors.mapping(code).map(m -> !m.mapping().equals(MAPPING)).orElse(true)) {
                    connectors.saveMapping(INSTALLER, code, MAPPING);
                }
                connectors.subscribe(INSTALLER, new Subscription(subscriptionCode(code),
                        fanOut ? "本街道居民网格变化" : "迁入网格 " + grid, code, SubjectType.PERSON, ELEMENTS, PURPOSE,
                        street.code(), fanOut ? null
                        : new ChangeCondition("person.grid", ChangeCondition.Op.EQUALS, grid), true));
            }
        }
    }

    /** Leaves the base as other suites expect it: the benchmark's subscriptions and connectors off. */
    private void uninstall(Iterable<String> codes) {
        for (String code : codes) {
            try {
                connectors.find(code).ifPresent(c -> {
                    connectors.subscriptions().stream().filter(s -> s.connector().equals(code)).forEach(s ->
                            connectors.subscribe(INSTALLER, new Subscription(s.code(), s.name(), s.connector(),
                                    s.subjectType(), s.elements(), s.purpose(), s.division(), s.condition(), false)));
                    connectors.save(INSTALLER, new Connector(c.code(), c.department(), c.name(), c.kind(),
                            c.endpoint(), c.options(), c.items(), c.maxAttempts(), false), null);
                });
            } catch (RuntimeException e) {
                Results.note("could not switch off " + code + ": " + e.getMessage());
            }
        }
    }

    // ---- the propagation load

    /** What one propagation load gave, as printed. */
    private record Figures(double deliveriesPerSecond, double p99) {}

    private Figures propagate(String name, GridMoves moves, double rate, Duration warmup, Duration measure,
                              Receivers receivers) throws Exception {
        receivers.reset();
        long seqBefore = rows.maxSeq();
        ChangeLoad load = new ChangeLoad(platform.getBean(Facts.class), WRITER);
        CpuMeter.Snapshot[] cpu = new CpuMeter.Snapshot[2];
        double[] receiverCpu = new double[2];
        PgWaits[] waits = new PgWaits[1];
        AtomicInteger mark = new AtomicInteger();
        ChangeLoad.Run run = load.run(moves, rate, warmup, measure, WRITERS, () -> {
            int i = mark.getAndIncrement();
            if (i == 0) {
                statements.resetQuietly();
                waits[0] = PgWaits.start(dataSource);
            }
            if (i < 2) {
                cpu[i] = meter.snapshot();
                receiverCpu[i] = Receivers.cpuSeconds();
            }
            if (i == 1) waits[0].close();
        });
        long loadEnd = System.nanoTime();
        Map<String, Long> backlog = rows.states(seqBefore, true);
        long drained = waitForDeliveries(seqBefore, receivers);
        Map<String, Long> byState = rows.states(seqBefore, false);

        Matched m = match(run, rows.deliveries(seqBefore), receivers);
        Histogram latency = m.latency();
        double seconds = run.seconds();
        Results.result(name + "_changes_per_s", m.changes() / seconds, "changes/s");
        Results.result(name + "_deliveries_per_s", m.arrived() / seconds, "deliveries/s");
        Results.result(name + "_p50_ms", millis(latency, 50), "ms");
        Results.result(name + "_p99_ms", millis(latency, 99), "ms");
        Results.result(name + "_max_ms", latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0, "ms");
        Results.result(name + "_undelivered", m.undelivered(), "deliveries");
        Results.result(name + "_write_p99_ms", millis(m.commitLag(), 99), "ms");
        Results.result(name + "_backlog", backlog.values().stream().mapToLong(Long::longValue).sum(), "deliveries");
        Results.result(name + "_backlog_drain", Math.max(0, drained - loadEnd) / 1e9, "s");
        Results.note(String.format("%s: offered %.0f changes/s for %d s after %d s of warm-up; %d writes failed%s,"
                        + " %d changed nothing; latency of %d deliveries of changes committed in the measured period;"
                        + " deliveries by state after the run: %s; pending or sending when the writes stopped: %s;"
                        + " receivers: %d repeats, %d rejected%s", name, rate, measure.toSeconds(),
                warmup.toSeconds(), run.failed(), run.firstError() == null ? "" : " (first: " + run.firstError() + ")",
                run.unchanged(), latency.getTotalCount(), byState, backlog, receivers.repeats(), receivers.rejected(),
                m.unmatched() == 0 ? "" : "; " + m.unmatched() + " deliveries without a delivery row"));
        if (cpu[1] != null) {
            CpuMeter.Usage usage = CpuMeter.between(cpu[0], cpu[1], receiverCpu[1] - receiverCpu[0]);
            Results.note(usage.describe("change", m.changes()) + " (a change: its write and its deliveries;"
                    + " load generator = the receivers; the writers' Facts.write counts as platform)");
        }
        if (byState.getOrDefault("DEAD", 0L) > 0) Results.note("first dead delivery: " + rows.firstDead(seqBefore));
        if (waits[0] != null) waits[0].report(name + " (measured period)");
        statements.report("delivery", DELIVERED, "measured period and the drain after it");
        return new Figures(m.arrived() / seconds, millis(latency, 99));
    }

    /**
     * The deliveries of a load matched to their changes. Latencies in microseconds: {@code latency} from the commit of
     * a change committed in the measured period to the first arrival of each of its deliveries; {@code commitLag}
     * from when such a change was due to its commit (the generator keeping up); {@code arrived}: first arrivals during
     * the measured period, of whichever change.
     */
    private record Matched(long changes, long arrived, long undelivered, long unmatched, Histogram latency,
                           Histogram commitLag) {}

    /**
     * A change's deliveries are the outbox rows of its subject for each connector it was meant for, taken in outbox
     * order as the subject's changes committed (the planner never writes one subject twice at once).
     */
    private static Matched match(ChangeLoad.Run run, Map<String, ArrayDeque<String>> deliveries, Receivers receivers) {
        Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        Histogram commitLag = new Histogram(MAX_LATENCY_MICROS, 3);
        long changes = 0;
        long arrived = 0;
        long undelivered = 0;
        long unmatched = 0;
        Integer[] order = IntStream.range(0, run.size()).filter(n -> run.committedAt()[n] != 0).boxed()
                .sorted(Comparator.comparingLong(n -> run.committedAt()[n])).toArray(Integer[]::new);
        for (int n : order) {
            boolean measured = run.measured(n);
            if (measured) {
                changes++;
                commitLag.recordValue(micros(run.committedAt()[n] - run.dueAt()[n]));
            }
            for (String connector : run.planned()[n].connectors()) {
                ArrayDeque<String> ids = deliveries.get(connector + "/" + run.subjects()[n]);
                String id = ids == null ? null : ids.poll();
                if (id == null) {
                    unmatched++;
                    continue;
                }
                Long at = receivers.receivedAt(id);
                if (at != null && at >= run.measureFrom() && at < run.measureUntil()) arrived++;
                if (!measured) continue;
                if (at == null) undelivered++;
                else latency.recordValue(micros(at - run.committedAt()[n]));
            }
        }
        return new Matched(changes, arrived, undelivered, unmatched, latency, commitLag);
    }

    private static long micros(long nanos) {
        return Math.max(0, Math.min(MAX_LATENCY_MICROS, nanos / 1000));
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    // ---- capacity

    /**
     * Writes {@code count} changes while the connectors are switched off, then switches them on and times how long
     * the engine takes to deliver them all: the most it can send, without the writes competing for the cores.
     */
    private double drainBacklog(GridMoves moves, Receivers receivers, int count) throws Exception {
        List<String> codes = moves.connectors();
        setEnabled(codes, false);
        long seqBefore = rows.maxSeq();
        receivers.reset();
        ChangeLoad load = new ChangeLoad(platform.getBean(Facts.class), WRITER);
        double rate = 5_000;
        CpuMeter.Snapshot writeFrom = meter.snapshot();
        long writeStart = System.nanoTime();
        ChangeLoad.Run run = load.run(moves, rate, Duration.ZERO, Duration.ofNanos((long) (count / rate * 1e9)),
                WRITERS / 2, () -> {});
        long written = Arrays.stream(run.committedAt()).filter(t -> t != 0).count();
        long lastCommit = Arrays.stream(run.committedAt()).max().orElse(writeStart);
        CpuMeter.Snapshot writeTo = meter.snapshot();
        Results.result("exchange_write_capacity", written / ((lastCommit - writeStart) / 1e9), "changes/s");
        Results.note(CpuMeter.between(writeFrom, writeTo, 0).describe("change", written)
                + " (the writes of the backlog, " + WRITERS / 2 + " writers, connectors off: Facts.write with its"
                + " outbox row, nothing sent)");
        ServicesBenchmark.drain(dataSource);
        long pending = rows.states(seqBefore, true).values().stream().mapToLong(Long::longValue).sum();
        statements.reset();
        CpuMeter.Snapshot from = meter.snapshot();
        double receiverFrom = Receivers.cpuSeconds();
        long start = System.nanoTime();
        PgWaits waits = PgWaits.start(dataSource);
        setEnabled(codes, true);
        long end = waitForDeliveries(seqBefore, receivers);
        CpuMeter.Snapshot to = meter.snapshot();
        waits.close();
        long delivered = receivers.receivedCount();
        double perSecond = delivered / ((end - start) / 1e9);
        Results.result("exchange_drain_deliveries_per_s", perSecond, "deliveries/s");
        Results.note(String.format("drain: %d changes written with the connectors off (%d failed, %d changed"
                        + " nothing), %d deliveries pending, %d delivered in %.1f s after switching them on; by state: %s",
                written, run.failed(), run.unchanged(), pending, delivered, (end - start) / 1e9,
                rows.states(seqBefore, false)));
        Results.note(CpuMeter.between(from, to, Receivers.cpuSeconds() - receiverFrom).describe("delivery", delivered)
                + " (includes polling for the end)");
        waits.report("drain");
        statements.report("delivery", DELIVERED, "the drain only");
        return perSecond;
    }

    private void setEnabled(List<String> codes, boolean enabled) {
        for (String code : codes) {
            Connector c = connectors.find(code).orElseThrow();
            connectors.save(INSTALLER, new Connector(c.code(), c.department(), c.name(), c.kind(), c.endpoint(),
                    c.options(), c.items(), c.maxAttempts(), enabled), null);
        }
    }

    /**
     * Waits until none of the benchmark's deliveries since {@code seq} is unfinished; returns when (nanoTime). Watches
     * the receivers rather than polling the outbox, which would add its own load; the outbox is asked once a second
     * (dead deliveries never arrive) and to confirm.
     */
    private long waitForDeliveries(long seq, Receivers receivers) throws SQLException, InterruptedException {
        long expected = rows.states(seq, false).values().stream().mapToLong(Long::longValue).sum();
        long until = System.nanoTime() + DRAIN_LIMIT.toNanos();
        long nextCheck = 0;
        while (System.nanoTime() < until) {
            long now = System.nanoTime();
            if ((receivers.receivedCount() >= expected || now >= nextCheck)) {
                if (rows.states(seq, true).isEmpty()) {
                    return receivers.receivedCount() >= expected ? receivers.lastArrival() : System.nanoTime();
                }
                nextCheck = now + 1_000_000_000L;
            }
            Thread.sleep(5);
        }
        Results.note("deliveries still unfinished after " + DRAIN_LIMIT.toMinutes() + " minutes");
        return System.nanoTime();
    }
}
