package org.yiwang.bench;

import java.net.URI;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.yiwang.directory.ApiClients;
import org.yiwang.kernel.FieldCipher;

/**
 * 20 elements of a random person read at N concurrent clients: over HTTP through the policy-checked, audited read
 * path with an API key, then by a plain {@code SELECT} of the subject's row by its blind index through JDBC.
 */
final class ReadBenchmark {

    /** The 20 person elements each read asks for (some may be refused by policy: the read is partial). */
    static final List<String> ELEMENTS = List.of(
            "person.citizen_id", "person.name", "person.gender", "person.ethnicity", "person.birth_date",
            "person.phone", "person.household_address", "person.residence_address", "person.division", "person.grid",
            "person.household_id", "person.relation_to_head", "person.marital_status", "person.education",
            "person.status", "person.driver_license_class", "person.driver_license_first_issue",
            "person.former_name", "person.employer_credit_code", "person.social_security_no");

    /** The base data's row of a person, by the blind index of the citizen ID (override: {@code -Dbench.plainSql}). */
    static final String PLAIN_SQL = System.getProperty("bench.plainSql",
            "SELECT * FROM basedata_subject WHERE subject_type = 'PERSON' AND key_idx = ?");

    private static final String CONSUMER_DEPARTMENT = "310000-DSJ";

    private ReadBenchmark() {}

    static void run(ApplicationContext platform, int port, String[] citizenIds, Settings settings) throws Exception {
        String apiKey = createApiKey(platform);
        URI uri = URI.create("http://localhost:" + port + "/api/v1/subjects/read");
        String elements = ELEMENTS.stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(","));
        // blocking keep-alive connections, one per client thread: java.net.http.HttpClient funnels all clients
        // through one selector thread and would measure itself rather than the platform
        System.setProperty("http.maxConnections", String.valueOf(settings.clients() * 2));
        URL url = uri.toURL();
        CpuMeter meter = CpuMeter.of(platform.getBean(DataSource.class));

        Load.Outcome ours = Load.run(settings.clients(), settings.warmup(), settings.measure(), citizenIds, () -> key -> {
            byte[] body = ("{\"type\":\"PERSON\",\"key\":\"" + key + "\",\"elements\":[" + elements
                    + "],\"purpose\":\"DATA_GOVERNANCE\",\"partial\":true}").getBytes(StandardCharsets.UTF_8);
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("X-Api-Key", apiKey);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) in.readAllBytes();
            }
            return status == 200;
        }, meter);
        report("read_ours", ours);
        if (ours.ok() == 0) Results.note("no read succeeded: check the API client, the endpoint and the demand list");

        DataSource dataSource = platform.getBean(DataSource.class);
        FieldCipher cipher = platform.getBean(FieldCipher.class);
        Load.Outcome plain = Load.run(settings.clients(), settings.warmup(), settings.measure(), citizenIds,
                () -> new PlainSelect(dataSource.getConnection(), cipher), meter);
        report("read_plain_jdbc", plain);
        Results.result("read_ratio", ours.throughput() / plain.throughput(), "ratio");
    }

    private static void report(String name, Load.Outcome outcome) {
        Results.result(name + "_throughput", outcome.throughput(), "requests/s");
        Results.result(name + "_p50", outcome.percentileMillis(50), "ms");
        Results.result(name + "_p99", outcome.percentileMillis(99), "ms");
        Results.result(name + "_errors", outcome.failed(), "requests");
        if (outcome.cpu() != null) Results.note(outcome.cpu().describe("request", outcome.ok()));
    }

    /** One client's connection and statement; reads every column of the row like a real caller would. */
    private static final class PlainSelect implements Load.Operation {

        private final Connection connection;
        private final PreparedStatement statement;
        private final FieldCipher cipher;

        PlainSelect(Connection connection, FieldCipher cipher) throws Exception {
            this.connection = connection;
            this.statement = connection.prepareStatement(PLAIN_SQL);
            this.cipher = cipher;
        }

        @Override
        public boolean call(String citizenId) throws Exception {
            statement.setBytes(1, cipher.blindIndex(citizenId));
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) return false;
                for (int i = 1, n = row.getMetaData().getColumnCount(); i <= n; i++) row.getObject(i);
                return true;
            }
        }

        @Override
        public void close() throws Exception {
            statement.close();
            connection.close();
        }
    }

    /** A key for an API client of the city big-data bureau. */
    private static String createApiKey(ApplicationContext platform) {
        return platform.getBean(ApiClients.class).create("bench-" + System.currentTimeMillis(), CONSUMER_DEPARTMENT);
    }
}
