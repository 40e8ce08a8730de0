package org.yiwang.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.basedata.BulkImport;
import org.yiwang.demo.SyntheticDistrict;
import org.yiwang.kernel.SubjectType;

/**
 * The benchmark of the data foundation (see README.md): generates a synthetic district, starts the platform
 * in-process on PostgreSQL, and measures bulk import, audited reads, 一网通办 (prefilled forms, bundle
 * submissions) and the exchange (subscribed changes to department systems), each beside its plain baseline in the same run and database. Prints {@code RESULT <name>=<value> <unit>} lines.
 */
public final class Benchmark {

    /** Not the demo's seed, so that a benchmark never mistakes demo residents for its own. */
    static final long SEED = 20_250_101L;
    private static final int SAMPLE = 100_000;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        Path work = Files.createTempDirectory("yiwang-bench-");
        int status = 0;
        try {
            Results.note("persons=" + settings.persons() + " clients=" + settings.clients() + " seconds="
                    + settings.measure().toSeconds() + " suites="
                    + String.join(",", new TreeSet<>(settings.suites()))
                    + (settings.runs("services") ? " hotels=" + settings.hotels() : "")
                    + (settings.runs("exchange") ? " changeRate=" + settings.changeRate() + " receivers="
                    + settings.receivers() : "")
                    + " database=" + (settings.embedded() ? "embedded (ephemeral)" : "server"));
            Path csv = work.resolve("persons.csv");
            String[] citizenIds = generate(settings.persons(), csv);
            try (ConfigurableApplicationContext platform = start(settings, work)) {
                DataSource dataSource = platform.getBean(DataSource.class);
                try {
                    ImportBenchmark.run(dataSource, platform.getBean(BulkImport.class), csv, settings.persons());
                    int port = Integer.parseInt(platform.getEnvironment().getRequiredProperty("local.server.port"));
                    if (settings.runs("read")) ReadBenchmark.run(platform, port, citizenIds, settings);
                    if (settings.runs("services")) ServicesBenchmark.run(platform, port, SEED, settings);
                    if (settings.runs("exchange")) ExchangeBenchmark.run(platform, SEED, settings);
                } finally {
                    ImportBenchmark.dropPlainTable(dataSource);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            deleteRecursively(work);
        }
        System.exit(status);
    }

    /** Writes the persons file; keeps an evenly spread sample of their citizen IDs for the reads. */
    private static String[] generate(int persons, Path csv) throws IOException {
        int every = Math.max(1, persons / SAMPLE);
        List<String> sample = new ArrayList<>(Math.min(persons, SAMPLE) + 1);
        long start = System.nanoTime();
        long rows;
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            int[] seen = {0};
            rows = SyntheticDistrict.writeCsv(SubjectType.PERSON, new SyntheticDistrict(SEED).persons(persons)
                    .peek(p -> {
                        if (seen[0]++ % every == 0) sample.add(p.citizenId());
                    }), out);
        }
        Results.result("generate_rate", rows / ((System.nanoTime() - start) / 1e9), "rows/s");
        return sample.toArray(String[]::new);
    }

    /** The platform as it runs in production, minus the demo data, on a random port. */
    private static ConfigurableApplicationContext start(Settings settings, Path work) {
        List<String> args = new ArrayList<>(List.of(
                "--yiwang.demo.enabled=false",
                "--yiwang.data-dir=" + work.resolve("data"),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (settings.embedded()) {
            args.add("--yiwang.embedded.ephemeral=true");
        } else {
            args.add("--spring.datasource.url=" + settings.jdbcUrl());
            if (settings.user() != null) args.add("--spring.datasource.username=" + settings.user());
            args.add("--spring.datasource.hikari.maximum-pool-size=" + Math.max(40, settings.clients() + 8));
            args.add("--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true");
        }
        String extra = System.getProperty("bench.platformArgs", "").strip();
        if (!extra.isEmpty()) args.addAll(List.of(extra.split("\\s+")));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(YiwangApplication.class);
        if (settings.password() != null) {
            builder.properties("spring.datasource.password=" + settings.password());
        }
        long start = System.nanoTime();
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        Results.note(String.format("platform started in %.1f s", (System.nanoTime() - start) / 1e9));
        return context;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            Results.note("could not delete " + dir);
        }
    }
}
