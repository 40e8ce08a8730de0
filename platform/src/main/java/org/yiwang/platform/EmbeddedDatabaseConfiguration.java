package org.yiwang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, PostgreSQL 17 runs in-process
 * with its data under {@code <yiwang.data-dir>/pg}, so a second run finds yesterday's data. Tests set
 * {@code yiwang.embedded.ephemeral=true} for a throw-away cluster.
 *
 * <p>Hardened like a server: it listens on localhost only, every connection needs a password (SCRAM, no
 * {@code trust} in {@code pg_hba.conf}), and the application connects as role {@code yiwang}, not a superuser, owner of
 * database {@code yiwang}. The passwords are generated on first start and kept, owner-readable only, in
 * {@code <yiwang.data-dir>/keys/embedded-postgres.properties} beside the field keys. A data directory made by an
 * earlier version (trust, the application as superuser in database {@code postgres}) is upgraded in place at start:
 * its database becomes {@code yiwang}, its objects pass to role {@code yiwang}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(YiwangProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    static final String ROLE = "yiwang";
    static final String DATABASE = "yiwang";
    private static final String SUPERUSER = "postgres";

    static final String HBA = """
            # yiwang's embedded PostgreSQL: a password (SCRAM) for every connection, from this machine only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /** Everything the superuser created in the application's database (an earlier version did) passes to the role. */
    private static final String TRANSFER_OWNERSHIP = """
            DO $$
            DECLARE
              r record;
              me oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
            BEGIN
              FOR r IN SELECT c.oid::regclass AS object, c.relkind FROM pg_class c
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner = me
                         AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                         AND d.objid = c.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO yiwang', CASE r.relkind WHEN 'v' THEN 'VIEW'
                    WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.object);
              END LOOP;
              -- sequences owned by a table moved with it; these are the free-standing ones
              FOR r IN SELECT c.oid::regclass AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE c.relkind = 'S' AND c.relowner = me
                         AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                         AND d.objid = c.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER SEQUENCE %s OWNER TO yiwang', r.object);
              END LOOP;
              FOR r IN SELECT p.oid::regprocedure AS object, p.prokind FROM pg_proc p
                       JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE p.proowner = me
                         AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                         AND d.objid = p.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO yiwang', CASE r.prokind WHEN 'p' THEN 'PROCEDURE'
                    WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.object);
              END LOOP;
              FOR r IN SELECT t.oid::regtype AS object, t.typtype FROM pg_type t
                       JOIN pg_namespace n ON n.oid = t.typnamespace
                       WHERE t.typtype IN ('e', 'd', 'r', 'c') AND t.typowner = me
                         AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
                         AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
                         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                                         AND d.objid = t.oid AND d.deptype = 'e')
              LOOP
                EXECUTE format('ALTER %s %s OWNER TO yiwang', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                    r.object);
              END LOOP;
              FOR r IN SELECT nspname FROM pg_namespace
                       WHERE nspowner = me AND nspname <> 'information_schema'
                         AND nspname NOT LIKE 'pg\\_%'
              LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO yiwang', r.nspname);
              END LOOP;
            END $$""";

    /**
     * A benchmark's statement statistics ({@code shared_preload_libraries=pg_stat_statements}): the extension needs a
     * superuser to create, its figures and reset are then granted to the role.
     */
    private static final String STATEMENT_STATISTICS = """
            DO $$
            DECLARE f regprocedure;
            BEGIN
              CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
              GRANT pg_read_all_stats TO yiwang;
              FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname = 'pg_stat_statements_reset' LOOP
                EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO yiwang', f);
              END LOOP;
            END $$""";

    /** The superuser's and the application role's passwords. */
    record Credentials(String superuser, String application) {

        @Override
        public String toString() {
            return "Credentials[****]";
        }

        static Credentials random() {
            return new Credentials(randomPassword(), randomPassword());
        }

        /**
         * The kept passwords, or new ones when there are none yet; a hardened data directory without its password
         * file cannot be opened, and says so.
         */
        static Credentials keptIn(Path file, boolean mayCreate) throws IOException {
            Properties kept = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(in);
                }
                return new Credentials(kept.getProperty("superuser-password"), kept.getProperty("password"));
            }
            if (!mayCreate) {
                throw new IllegalStateException("The embedded database needs its passwords from " + file.toAbsolutePath()
                        + ", which is missing: restore it from the backup of the data directory");
            }
            Credentials created = random();
            kept.setProperty("superuser-password", created.superuser());
            kept.setProperty("password", created.application());
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                kept.store(out, "yiwang embedded PostgreSQL passwords - back this file up with the database");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: nothing more to restrict
            }
            log.info("Generated the embedded database's passwords in {}", file.toAbsolutePath());
            return created;
        }

        private static String randomPassword() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    @Bean
    Credentials embeddedDatabaseCredentials(YiwangProperties properties) throws IOException {
        if (properties.embedded().ephemeral()) return Credentials.random();
        Path dir = properties.dataDir().resolve("pg");
        boolean hardened = Files.exists(dir.resolve("pg_hba.conf")) && !trusting(dir.resolve("pg_hba.conf"));
        return Credentials.keptIn(properties.dataDir().resolve("keys").resolve("embedded-postgres.properties"), !hardened);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(YiwangProperties properties, Credentials credentials) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                // the library's own readiness check connects as the superuser: with the password from now on
                .setConnectConfig("password", credentials.superuser());
        if (properties.embedded().serverConfig() != null) properties.embedded().serverConfig().forEach(builder::setServerConfig);
        boolean fresh;
        if (properties.embedded().ephemeral()) {
            builder.setCleanDataDirectory(true);
            fresh = true;
        } else {
            Path dir = properties.dataDir().resolve("pg").toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            if (properties.embedded().port() > 0) builder.setPort(properties.embedded().port());
            fresh = !Files.exists(dir.resolve("postgresql.conf"));
            log.info("Embedded PostgreSQL keeps its data under {}", dir);
        }
        Path passwordFile = null;
        try {
            if (fresh) {
                // initdb takes its options through the library's locale settings (--key=value): a new cluster
                // never accepts a connection without a password, not even for the first moment
                passwordFile = Files.createTempFile("yiwang-pg", ".pw");
                restrict(passwordFile);
                Files.writeString(passwordFile, credentials.superuser() + "\n");
                builder.setLocaleConfig("auth-host", "scram-sha-256").setLocaleConfig("auth-local", "scram-sha-256")
                        .setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                harden(postgres, credentials);
            } catch (SQLException | IOException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        } finally {
            if (passwordFile != null) Files.deleteIfExists(passwordFile);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, Credentials credentials, YiwangProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE + "?reWriteBatchedInserts=true");
        config.setUsername(ROLE);
        config.setPassword(credentials.application());
        config.setMaximumPoolSize(properties.embedded().poolSize());
        config.setPoolName("yiwang-embedded");
        return new HikariDataSource(config);
    }

    /**
     * Makes the cluster what this version expects, whatever made it: passwords set, the application role (not a
     * superuser) and its database, every object of that database owned by the role, and a {@code pg_hba.conf} with no
     * {@code trust}. Each step is idempotent, so an interrupted upgrade finishes at the next start.
     */
    static void harden(EmbeddedPostgres postgres, Credentials credentials) throws SQLException, IOException {
        String hbaFile;
        boolean databaseExists;
        boolean earlierData;
        try (Connection c = postgres.getDatabase(SUPERUSER, "postgres").getConnection();
             Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            // hashed on this side: the clear password never travels nor lands in a server log
            pg.alterUserPassword(SUPERUSER, credentials.superuser().toCharArray(), "scram-sha-256");
            if (!exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) s.execute("CREATE ROLE " + ROLE + " LOGIN");
            s.execute("ALTER ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            pg.alterUserPassword(ROLE, credentials.application().toCharArray(), "scram-sha-256");
            databaseExists = exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            // the earlier version kept the application's tables in database postgres
            earlierData = !databaseExists && exists(s, "SELECT 1 WHERE to_regclass('public.flyway_schema_history') IS NOT NULL");
            hbaFile = single(s, "SHOW hba_file");
            if (!databaseExists && !earlierData) s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE + " TEMPLATE template0");
        }
        if (earlierData) {
            try (Connection c = postgres.getDatabase(SUPERUSER, "template1").getConnection();
                 Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE postgres RENAME TO " + DATABASE);
                s.execute("CREATE DATABASE postgres TEMPLATE template0");
            }
            log.info("Embedded PostgreSQL: the earlier version's data moved to database {}, owned by role {}", DATABASE, ROLE);
        }
        try (Connection c = postgres.getDatabase(SUPERUSER, DATABASE).getConnection();
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE);
            s.execute(TRANSFER_OWNERSHIP);
            if (single(s, "SHOW shared_preload_libraries").contains("pg_stat_statements")) s.execute(STATEMENT_STATISTICS);
            Path hba = Path.of(hbaFile);
            if (!HBA.equals(Files.readString(hba))) {
                Files.writeString(hba, HBA);
                restrict(hba);
                s.execute("SELECT pg_reload_conf()");
                log.info("Embedded PostgreSQL: password authentication for every connection ({})", hba);
            }
        }
    }

    /** Whether a {@code pg_hba.conf} lets anyone in without a password (the earlier version's). */
    static boolean trusting(Path hba) throws IOException {
        return Files.readAllLines(hba).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\s(trust|password)(\\s.*)?$"));
    }

    private static boolean exists(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system: nothing more to restrict
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
