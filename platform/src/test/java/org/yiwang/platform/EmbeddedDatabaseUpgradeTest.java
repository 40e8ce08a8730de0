package org.yiwang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A data directory made by the earlier version (trust authentication, the application's tables in database
 * {@code postgres} owned by the superuser) still starts, upgraded in place; without Spring, on its own cluster.
 */
class EmbeddedDatabaseUpgradeTest {

    @TempDir Path data;

    @Test
    void anEarlierVersionsDataDirectoryIsUpgradedInPlaceAndKeepsItsData() throws Exception {
        // the earlier version: the library's defaults, the application as superuser in database postgres
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false).start();
             Connection c = earlier.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text)");
            s.execute("INSERT INTO flyway_schema_history VALUES (1, '10')");
            s.execute("CREATE TABLE person (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");
            s.execute("INSERT INTO person (name) VALUES ('张三')");
            s.execute("CREATE FUNCTION person_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM person'");
        }
        assertThat(EmbeddedDatabaseConfiguration.trusting(data.resolve("pg/pg_hba.conf"))).isTrue();

        YiwangProperties properties = properties();
        EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
        EmbeddedDatabaseConfiguration.Credentials credentials = configuration.embeddedDatabaseCredentials(properties);
        Path passwords = data.resolve("keys/embedded-postgres.properties");
        assertThat(Files.getPosixFilePermissions(passwords)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (EmbeddedPostgres upgraded = configuration.embeddedPostgres(properties, credentials)) {
            String url = "jdbc:postgresql://localhost:" + upgraded.getPort() + "/yiwang";
            try (Connection c = DriverManager.getConnection(url, "yiwang", credentials.application());
                 Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
                assertThat(single(s, "SELECT name FROM person")).isEqualTo("张三");
                assertThat(single(s, "SELECT person_count()::text")).isEqualTo("1");
                // the role owns what the superuser made: later migrations can alter it
                s.execute("ALTER TABLE person ADD COLUMN phone text");
                s.execute("INSERT INTO person (name) VALUES ('李四')");
                s.execute("CREATE OR REPLACE FUNCTION person_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM person'");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=yiwang").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + upgraded.getPort() + "/postgres?user=postgres").close())
                    .isInstanceOf(SQLException.class);
        }
        assertThat(EmbeddedDatabaseConfiguration.trusting(data.resolve("pg/pg_hba.conf"))).isFalse();

        // the next start finds the kept passwords and the upgraded cluster as it left them
        EmbeddedDatabaseConfiguration.Credentials again = configuration.embeddedDatabaseCredentials(properties);
        assertThat(again).isEqualTo(credentials);
        try (EmbeddedPostgres restarted = configuration.embeddedPostgres(properties, again);
             Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + restarted.getPort() + "/yiwang",
                     "yiwang", again.application());
             Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*)::text FROM person")).isEqualTo("2");
            s.execute("SELECT pg_stat_statements_reset()");
            assertThat(single(s, "SELECT (count(*) >= 0)::text FROM pg_stat_statements")).isEqualTo("true");
        }

        Files.delete(passwords);
        assertThatThrownBy(() -> configuration.embeddedDatabaseCredentials(properties))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded-postgres.properties");
    }

    private YiwangProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("yiwang.data-dir", data.toString(),
                "yiwang.embedded.server-config.shared_buffers", "32MB",
                // as a benchmark runs it: statement statistics stay usable for the application's role
                "yiwang.embedded.server-config.shared_preload_libraries", "pg_stat_statements")))
                .bindOrCreate("yiwang", Bindable.of(YiwangProperties.class));
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
