package org.yiwang.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.TestSubjects;
import org.yiwang.audit.AuditChain;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;

/**
 * The smoke pass: the platform's migrations and a few end-to-end paths against an external PostgreSQL server
 * (CI: the machine's own). Enabled by {@code YIWANG_SMOKE_JDBC_URL}, a JDBC URL of a server database from which a
 * fresh database {@code yiwang_smoke} is created for the run.
 */
@EnabledIfEnvironmentVariable(named = "YIWANG_SMOKE_JDBC_URL", matches = ".+")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExternalPostgresSmokeTest {

    private static final String DATABASE = "yiwang_smoke";

    @DynamicPropertySource
    static void serverDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String admin = System.getenv("YIWANG_SMOKE_JDBC_URL");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
        }
        String url = admin.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
    }

    static final Actor POLICE = new Actor("ga-smoke", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());
    static final Actor ADMIN = new Actor("admin-smoke", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditChain chain;

    @Test
    void migrationsRanOnTheServer() {
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single()).isEqualTo(DATABASE);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM directory_division WHERE parent_code = '310104'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void writeReadAndAuditEndToEnd() throws Exception {
        String id = TestSubjects.citizenId();
        mvc.perform(post("/api/v1/subjects/write").with(user(new ActorPrincipal(POLICE, "", true))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"PERSON","key":"%s","facts":[{"element":"person.name","value":"陈九"},
                                 {"element":"person.division","value":"310104014"}],
                                 "sourceDepartment":"310104-GA","method":"AUTHORITATIVE","purpose":"PERSON_REGISTRY"}"""
                                .formatted(id)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/subjects/read").with(user(new ActorPrincipal(ADMIN, "", true))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id
                                + "\",\"elements\":[\"person.name\",\"person.health_condition\"],"
                                + "\"purpose\":\"DATA_GOVERNANCE\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NEGATIVE_LIST"));

        chain.sealPending();
        mvc.perform(get("/api/v1/audit/verify").with(user(new ActorPrincipal(ADMIN, "", true))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
    }
}
