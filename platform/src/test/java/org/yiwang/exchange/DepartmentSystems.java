package org.yiwang.exchange;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;
import org.yiwang.demo.DemoExchange;
import com.example.department.DepartmentSystemApplication;
import com.example.department.LegacyDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's department systems for the tests: the sample system (examples/department-system) started three times
 * in this JVM — commerce, health, transport — each on its own port and H2 database, the police's legacy H2
 * database, and the street's folder; the demo connectors installed against them. Started once per test JVM, like
 * the application context; a test may stop a system and start it again on the same port and database.
 */
public final class DepartmentSystems {

    static final String SECRET = "test-exchange-secret-" + UUID.randomUUID();
    static final String API_KEY = "yw_test_" + UUID.randomUUID() + UUID.randomUUID();
    /** Each system's officer logs in as {@value #OFFICER} with this password (pages: form login; API: HTTP Basic). */
    public static final String OFFICER = "officer";
    public static final String OFFICER_PASSWORD = "test-officer-" + UUID.randomUUID();

    private static DepartmentSystems instance;

    private final int platformPort;
    private final Path root = Path.of("target/test-data/exchange-" + UUID.randomUUID());
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, ConfigurableApplicationContext> running = new HashMap<>();
    private final DataSource legacy;
    private final JsonMapper json = JsonMapper.builder().build();

    private DepartmentSystems(int platformPort, DemoExchange demo) {
        this.platformPort = platformPort;
        for (String connector : List.of(DemoExchange.COMMERCE, DemoExchange.HEALTH, DemoExchange.TRANSPORT)) {
            ports.put(connector, freePort());
            start(connector);
        }
        String legacyUrl = "jdbc:h2:file:" + root.resolve("legacy-ga").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        LegacyDatabase.create(legacyUrl, "sa", SECRET);
        legacy = new DriverManagerDataSource(legacyUrl, "sa", SECRET);
        demo.install(new DemoExchange.Endpoints(true, url(DemoExchange.COMMERCE), url(DemoExchange.HEALTH),
                url(DemoExchange.TRANSPORT), legacyUrl, streetFolder().toString(), SECRET, API_KEY));
    }

    public static synchronized DepartmentSystems start(int platformPort, DemoExchange demo) {
        if (instance == null) instance = new DepartmentSystems(platformPort, demo);
        return instance;
    }

    Path streetFolder() {
        return root.resolve("street-310104014").toAbsolutePath();
    }

    DataSource legacy() {
        return legacy;
    }

    String url(String connector) {
        return page(connector) + "/intake";
    }

    /** The system's own web page (its officers' inbox). */
    public String page(String connector) {
        return "http://localhost:" + ports.get(connector);
    }

    synchronized void start(String connector) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", ports.get(connector),
                "spring.datasource.url", "jdbc:h2:file:" + root.resolve(connector).toAbsolutePath(),
                "department.name", connector, "department.connector", connector, "department.secret", SECRET,
                "department.yiwang-url", "http://localhost:" + platformPort, "department.api-key", API_KEY + "." + connector,
                "department.codes.XB", "M,F", "logging.level.root", "WARN"));
        properties.put("department.officer.password", OFFICER_PASSWORD);
        running.put(connector, new SpringApplicationBuilder(DepartmentSystemApplication.class).properties(properties).run());
    }

    synchronized void stop(String connector) {
        running.remove(connector).close();
    }

    /** What the system received, newest first (parts, status notices and subject changes). */
    public List<JsonNode> received(String connector) {
        JsonNode all = json.readTree(client(connector).get().uri("/api/received").retrieve().body(String.class));
        return all.valueStream().toList();
    }

    JsonNode stats(String connector) {
        return json.readTree(client(connector).get().uri("/api/stats").retrieve().body(String.class));
    }

    /** The system's officer decides: the system signs the result and posts it to yiwang; yiwang's answer. */
    JsonNode decide(String connector, String key, Map<String, Object> result) {
        return json.readTree(client(connector).post().uri("/api/received/{key}/result", key)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(json.writeValueAsString(result))
                .retrieve().body(String.class));
    }

    /** The JSON API takes the officer's credentials. */
    private RestClient client(String connector) {
        return RestClient.builder().baseUrl(page(connector))
                .defaultHeaders(headers -> headers.setBasicAuth(OFFICER, OFFICER_PASSWORD)).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
