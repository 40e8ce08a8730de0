package com.example.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way the platform's integration tests use this system: started in-process with
 * {@code SpringApplicationBuilder.properties(...)}, stopped, and started again on the same port and database.
 */
class OutageTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void keepsWhatItReceivedAndStillRecognisesRepeatsAfterARestart(@TempDir Path dataDir) throws IOException {
        int port = freePort();
        String[] properties = {
                "server.port=" + port,
                "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("outage").toAbsolutePath(),
                "department.connector=OUTAGE-DEPT",
                "department.secret=outage-secret",
                "department.yiwang-url=http://127.0.0.1:9",
                "department.officer.password=" + Yiwang.PASSWORD};
        Yiwang yiwang = new Yiwang("http://localhost:" + port, "OUTAGE-DEPT", "outage-secret")
                .withCredentials(Yiwang.USER, Yiwang.PASSWORD);
        String key = Yiwang.newKey();
        String body = Yiwang.applicationPart(key, "part-1", "{\"QYMC\":\"上海某某旅馆有限公司\"}");

        try (ConfigurableApplicationContext first = start(properties)) {
            // the builder's properties win over the system's own defaults (connector, secret, port)
            assertThat(yiwang.deliver(key, body).statusCode()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = start(properties)) {
            JsonNode stored = json.readTree(yiwang.get("/api/received/" + key).body());
            assertThat(stored.path("data").path("QYMC").asString()).isEqualTo("上海某某旅馆有限公司");
            assertThat(json.readTree(yiwang.deliver(key, body).body()).path("duplicate").asBoolean()).isTrue();
            JsonNode stats = json.readTree(yiwang.get("/api/stats").body());
            assertThat(stats.path("received").asLong()).isEqualTo(1);
            assertThat(stats.path("duplicates").asLong()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(DepartmentSystemApplication.class).properties(properties).run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
