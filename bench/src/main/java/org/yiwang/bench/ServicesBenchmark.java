package org.yiwang.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一网通办 on the million-person base: the prefilled form of the hotel change bundle (four items, four departments)
 * beside the raw audited read of the same elements, and concurrent submissions of the bundle beside plain JDBC
 * inserts of the rows a submission writes. Every HTTP call is made by a signed-in enterprise user (form login,
 * session cookie, CSRF header), each client for the hotels of its own account.
 */
final class ServicesBenchmark {

    static final String BUNDLE = "HOTEL_CHANGE";
    private static final String FORM_BODY = "{\"kind\":\"BUNDLE\",\"code\":\"" + BUNDLE + "\",\"applicant\":\"%s\"}";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the applicant types on the hotel-change form: the facts the base lacks and the new name. */
    private static final Set<String> TYPED = Set.of("entity.employees", "entity.security_officer", "entity.name");

    private ServicesBenchmark() {}

    static void run(ApplicationContext platform, int port, long seed, Settings settings) throws Exception {
        DataSource dataSource = platform.getBean(DataSource.class);
        CpuMeter meter = CpuMeter.of(dataSource);
        PgStatements statements = PgStatements.of(dataSource);
        List<Hotels.Hotel> hotels = Hotels.create(platform, seed, settings.persons(), settings.hotels());
        int accounts = Math.min(settings.clients(), hotels.size());
        List<Hotels.Account> users = Hotels.accounts(platform, hotels, accounts);
        List<WebSession> sessions = new ArrayList<>(accounts);
        for (Hotels.Account a : users) sessions.add(WebSession.login(port, a.username(), a.password()));
        int fewest = hotels.size() / accounts;
        int most = (hotels.size() + accounts - 1) / accounts;
        Results.note(accounts + " enterprise users signed in, " + (fewest == most ? "" : fewest + "–") + most
                + " hotels each");

        List<String> elements = entityElements(platform.getBean(ServiceCatalog.class));
        checkForm(sessions.get(0), users.get(0).hotels().get(0));

        // 1. prefill, and the raw audited read of the same elements as the same user
        AtomicReference<String> firstError = new AtomicReference<>();
        Load.Outcome prefill = load(settings, meter, port, users, sessions, firstError, (session, hotel) ->
                ok(session.postJson("/api/v1/forms", FORM_BODY.formatted(hotel.creditCode())), 200, firstError));
        report("prefill", prefill, firstError);
        drain(dataSource);
        String readTemplate = "{\"type\":\"LEGAL_ENTITY\",\"key\":\"%s\",\"elements\":" + JSON.writeValueAsString(elements)
                + ",\"purpose\":\"" + BUNDLE + "\",\"partial\":true}";
        Load.Outcome raw = load(settings, meter, port, users, sessions, firstError, (session, hotel) ->
                ok(session.postJson("/api/v1/subjects/read", readTemplate.formatted(hotel.creditCode())), 200,
                        firstError));
        report("prefill_raw_read", raw, firstError);
        Results.result("prefill_ratio", prefill.percentileMillis(99) / raw.percentileMillis(99), "ratio");
        Results.result("prefill_throughput_ratio", prefill.throughput() / raw.throughput(), "ratio");
        // one client at a time (the JIT is warm by now): the service time, without queueing behind 31 others
        drain(dataSource);
        Duration single = Duration.ofSeconds(Math.max(5, settings.measure().toSeconds() / 2));
        Load.Outcome prefillSingle = load(1, Duration.ofSeconds(2), single, null, port, users, sessions, firstError,
                (session, hotel) -> ok(session.postJson("/api/v1/forms", FORM_BODY.formatted(hotel.creditCode())), 200,
                        firstError));
        Results.result("prefill_single_p50", prefillSingle.percentileMillis(50), "ms");
        Results.result("prefill_single_p99", prefillSingle.percentileMillis(99), "ms");
        Load.Outcome rawSingle = load(1, Duration.ofSeconds(2), single, null, port, users, sessions, firstError,
                (session, hotel) -> ok(session.postJson("/api/v1/subjects/read",
                        readTemplate.formatted(hotel.creditCode())), 200, firstError));
        Results.result("prefill_raw_read_single_p50", rawSingle.percentileMillis(50), "ms");
        Results.result("prefill_raw_read_single_p99", rawSingle.percentileMillis(99), "ms");
        if (prefillSingle.failed() + rawSingle.failed() > 0) {
            Results.note("single-client errors: " + (prefillSingle.failed() + rawSingle.failed()) + "; first: "
                    + firstError.getAndSet(null));
        }

        // 2. submissions: a probe shows which rows one submission writes, then the load, then those rows by plain JDBC
        long auditBefore = maxId(dataSource, "audit_record");
        long changeBefore = maxId(dataSource, "basedata_change");
        Hotels.Hotel probeHotel = users.get(0).hotels().get(0);
        WebSession.Response probe = sessions.get(0).postJson("/api/v1/applications", submission(probeHotel));
        if (probe.status() != 201) throw new IllegalStateException("probe submission: " + probe.status() + " " + probe.body());
        drain(dataSource);
        UUID probeId = UUID.fromString(JSON.readTree(probe.body()).get("id").asString());
        PlainSubmissions.Template template = PlainSubmissions.capture(dataSource, probeId, probeHotel.creditCode(),
                probeHotel.subjectId(), auditBefore, changeBefore);
        Results.note("one submission writes: " + template.describe());

        statements.reset();
        Load.Outcome submit = load(settings, meter, port, users, sessions, firstError,
                new OneAtATime(dataSource, probeHotel, probeId, firstError));
        report("submit", submit, firstError);
        statements.report("submission", "INSERT INTO services_application");
        long drainStart = System.nanoTime();
        drain(dataSource);
        Results.result("submit_backlog_drain", (System.nanoTime() - drainStart) / 1e9, "s");

        try {
            PlainSubmissions.createTables(dataSource, hotels.stream().map(Hotels.Hotel::subjectId).toList());
            AtomicInteger next = new AtomicInteger();
            statements.reset();
            Load.Outcome plain = Load.run(settings.clients(), settings.warmup(), settings.measure(), new String[] {""},
                    () -> new PlainSubmissions.Writer(dataSource, template, users.get(next.getAndIncrement() % accounts)
                            .hotels().stream().map(Hotels.Hotel::subjectId).toList()), meter);
            report("submit_plain", plain, firstError);
            statements.report("submission", "INSERT INTO " + PlainSubmissions.PREFIX + "services_application");
            Results.result("submit_ratio", submit.throughput() / plain.throughput(), "ratio");
        } finally {
            PlainSubmissions.dropTables(dataSource);
        }
    }

    /** A call for one hotel of the client's own account. */
    private interface Call {
        boolean call(WebSession session, Hotels.Hotel hotel) throws Exception;
    }

    /**
     * The clients take the accounts in turn, each with the account's session; when clients outnumber accounts, the
     * extra clients sign in sessions of their own.
     */
    private static Load.Outcome load(Settings settings, CpuMeter meter, int port, List<Hotels.Account> users,
                                     List<WebSession> sessions, AtomicReference<String> firstError, Call call)
            throws Exception {
        return load(settings.clients(), settings.warmup(), settings.measure(), meter, port, users, sessions,
                firstError, call);
    }

    private static Load.Outcome load(int clients, Duration warmup, Duration measure, CpuMeter meter, int port,
                                     List<Hotels.Account> users, List<WebSession> sessions,
                                     AtomicReference<String> firstError, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return Load.run(clients, warmup, measure, new String[] {""}, () -> {
            int client = next.getAndIncrement();
            Hotels.Account account = users.get(client % users.size());
            WebSession session = client < sessions.size() ? sessions.get(client)
                    : WebSession.login(port, account.username(), account.password());
            List<Hotels.Hotel> own = account.hotels();
            return ignored -> {
                try {
                    return call.call(session, own.get(ThreadLocalRandom.current().nextInt(own.size())));
                } catch (Exception e) {
                    firstError.compareAndSet(null, e.toString());
                    return false;
                }
            };
        }, meter);
    }

    /**
     * A hotel may have one application in progress at a time (a second one is refused), as a real applicant does.
     * So before a hotel applies again, its previous application is closed as its departments would close it: one
     * UPDATE of its parts, counted in the submission's time. A hotel another client is using is skipped this turn.
     */
    private static final class OneAtATime implements Call {
        private final DataSource dataSource;
        private final AtomicReference<String> firstError;
        private final java.util.concurrent.ConcurrentHashMap<String, UUID> previous = new java.util.concurrent.ConcurrentHashMap<>();
        private final Set<String> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();

        OneAtATime(DataSource dataSource, Hotels.Hotel probed, UUID probe, AtomicReference<String> firstError) {
            this.dataSource = dataSource;
            this.firstError = firstError;
            previous.put(probed.creditCode(), probe);
        }

        @Override
        public boolean call(WebSession session, Hotels.Hotel hotel) throws Exception {
            if (!busy.add(hotel.creditCode())) return false;
            try {
                UUID earlier = previous.get(hotel.creditCode());
                if (earlier != null) close(earlier);
                WebSession.Response r = session.postJson("/api/v1/applications", submission(hotel));
                if (!ok(r, 201, firstError)) return false;
                previous.put(hotel.creditCode(), UUID.fromString(JSON.readTree(r.body()).get("id").asString()));
                return true;
            } finally {
                busy.remove(hotel.creditCode());
            }
        }

        private void close(UUID application) throws SQLException {
            try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                    "UPDATE services_part SET status = 'REJECTED' WHERE application_id = ? AND status NOT IN ('APPROVED', 'REJECTED')")) {
                st.setObject(1, application);
                st.executeUpdate();
            }
        }
    }

    private static boolean ok(WebSession.Response response, int expected, AtomicReference<String> firstError) {
        if (response.status() == expected) return true;
        firstError.compareAndSet(null, response.status() + " " + abbreviate(response.body()));
        return false;
    }

    /**
     * What an applicant types: the two facts the base lacks and the hotel's new name (a hotel change that changes
     * nothing is refused), different each time (else nothing would be typed).
     */
    private static String submission(Hotels.Hotel hotel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "BUNDLE");
        body.put("code", BUNDLE);
        body.put("applicant", hotel.creditCode());
        body.put("values", Map.of("entity.employees", String.valueOf(10 + ThreadLocalRandom.current().nextInt(990)),
                "entity.security_officer", Hotels.officer(),
                "entity.name", "上海徐汇酒店" + ThreadLocalRandom.current().nextInt(1_000_000) + "有限公司"));
        body.put("idempotencyKey", UUID.randomUUID().toString());
        return JSON.writeValueAsString(body);
    }

    /** The entity elements the bundle's form asks for, in the form's order. */
    private static List<String> entityElements(ServiceCatalog catalog) {
        Set<String> elements = new LinkedHashSet<>();
        for (String code : catalog.requireBundle(BUNDLE).items()) {
            catalog.requireItem(code).elements().stream().map(ServiceItem.ItemElement::element)
                    .filter(e -> e.startsWith("entity.")).forEach(elements::add);
        }
        return List.copyOf(elements);
    }

    /** Fails early, with the answer, when the form is not what an applicant would get. */
    private static void checkForm(WebSession session, Hotels.Hotel hotel) throws Exception {
        WebSession.Response r = session.postJson("/api/v1/forms", FORM_BODY.formatted(hotel.creditCode()));
        if (r.status() != 200) throw new IllegalStateException("form: " + r.status() + " " + abbreviate(r.body()));
        JsonNode form = JSON.readTree(r.body());
        int fields = 0;
        int prefilled = 0;
        List<String> missing = new ArrayList<>();
        for (JsonNode f : form.get("fields")) {
            fields++;
            if (!f.get("value").isNull()) prefilled++;
            else if (f.get("required").asBoolean() && !TYPED.contains(f.get("element").asString())) {
                missing.add(f.get("element").asString());
            }
        }
        int licenses = 0;
        int onFile = 0;
        for (JsonNode m : form.get("materials")) {
            if (m.get("licenseType").isNull()) continue;
            licenses++;
            if (!m.get("license").isNull()) onFile++;
        }
        Results.note("the form: " + fields + " fields, " + prefilled + " prefilled; " + onFile + " of " + licenses
                + " license materials on file");
        // the real departments' forms ask more than the base knows; what they require, the benchmark types
        if (onFile != licenses || !missing.isEmpty()) {
            throw new IllegalStateException("the hotels are not set up as expected: " + abbreviate(r.body()));
        }
    }

    /**
     * Waits until the after-commit listeners have completed and the audit sealer has caught up (at most 10 min), so
     * that no phase pays for the work of the one before.
     */
    static void drain(DataSource dataSource) throws SQLException, InterruptedException {
        long until = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < until) {
            if (count(dataSource, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL") == 0
                    && count(dataSource, "SELECT count(*) FROM audit_record WHERE chain_seq IS NULL") == 0) {
                return;
            }
            Thread.sleep(200);
        }
        Results.note("the after-commit work did not finish within 10 minutes");
    }

    private static long maxId(DataSource dataSource, String table) throws SQLException {
        return count(dataSource, "SELECT coalesce(max(id), 0) FROM " + table);
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void report(String name, Load.Outcome outcome, AtomicReference<String> firstError) {
        Results.result(name + "_throughput", outcome.throughput(), name.startsWith("submit") ? "submissions/s" : "requests/s");
        Results.result(name + "_p50", outcome.percentileMillis(50), "ms");
        Results.result(name + "_p99", outcome.percentileMillis(99), "ms");
        Results.result(name + "_errors", outcome.failed(), "requests");
        if (outcome.cpu() != null) {
            Results.note(outcome.cpu().describe(name.startsWith("submit") ? "submission" : "request", outcome.ok()));
        }
        String error = firstError.getAndSet(null);
        if (error != null) Results.note("first error: " + error);
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
