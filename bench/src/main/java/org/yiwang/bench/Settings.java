package org.yiwang.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * What to run: system properties {@code bench.*} first, then the environment for the database server.
 *
 * @param persons  persons generated and imported ({@code bench.persons}, default 1,000,000)
 * @param measure  how long each load runs ({@code bench.seconds}, default 30)
 * @param warmup   untimed load before each measured load ({@code bench.warmupSeconds}, default 20: lets the JIT compile the request path)
 * @param clients  concurrent clients ({@code bench.clients}, default 32)
 * @param hotels   hotel enterprises created for the 一网通办 figures ({@code bench.hotels}, default 2,000)
 * @param suites   what to measure after the import ({@code bench.suites}, default {@code read,services,exchange}):
 *                 the audited reads, the 一网通办 prefill and submissions, the propagation of subscribed changes to
 *                 department systems; the import always runs (it makes the base)
 * @param changeRate changes a second written for the exchange figures ({@code bench.changeRate}, default 500)
 * @param receivers  department systems on loopback, one connector and subscription each ({@code bench.receivers},
 *                   default 20, split between two street offices)
 * @param jdbcUrl  a PostgreSQL server ({@code bench.jdbcUrl} or {@code YIWANG_DB_URL}); {@code null}: an
 *                 ephemeral embedded PostgreSQL started by the platform
 * @param user     the server's user ({@code bench.jdbcUser} or {@code YIWANG_DB_USER})
 * @param password the server's password ({@code YIWANG_DB_PASSWORD} only, so it never shows in a process list)
 */
record Settings(int persons, Duration measure, Duration warmup, int clients, int hotels, Set<String> suites,
                int changeRate, int receivers, String jdbcUrl, String user, String password) {

    static final Set<String> SUITES = Set.of("read", "services", "exchange");

    Settings {
        for (String suite : suites) {
            if (!SUITES.contains(suite)) throw new IllegalArgumentException("bench.suites: unknown suite " + suite);
        }
    }

    static Settings fromEnvironment() {
        return new Settings(
                Integer.parseInt(property("bench.persons", "1000000")),
                Duration.ofSeconds(Long.parseLong(property("bench.seconds", "30"))),
                Duration.ofSeconds(Long.parseLong(property("bench.warmupSeconds", "20"))),
                Integer.parseInt(property("bench.clients", "32")),
                Integer.parseInt(property("bench.hotels", "2000")),
                Set.copyOf(Arrays.asList(property("bench.suites", "read,services,exchange").toLowerCase()
                        .split("\\s*,\\s*"))),
                Integer.parseInt(property("bench.changeRate", "500")),
                Integer.parseInt(property("bench.receivers", "20")),
                firstNonBlank(System.getProperty("bench.jdbcUrl"), System.getenv("YIWANG_DB_URL")),
                firstNonBlank(System.getProperty("bench.jdbcUser"), System.getenv("YIWANG_DB_USER")),
                System.getenv("YIWANG_DB_PASSWORD"));
    }

    boolean runs(String suite) {
        return suites.contains(suite);
    }

    boolean embedded() {
        return jdbcUrl == null;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.strip();
        return b == null || b.isBlank() ? null : b.strip();
    }
}
