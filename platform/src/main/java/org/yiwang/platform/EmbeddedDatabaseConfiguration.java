package org.yiwang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
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
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(YiwangProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(YiwangProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8");
        if (properties.embedded().serverConfig() != null) properties.embedded().serverConfig().forEach(builder::setServerConfig);
        if (properties.embedded().ephemeral()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = properties.dataDir().resolve("pg").toAbsolutePath();
            Files.createDirectories(dir.getParent());
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            if (properties.embedded().port() > 0) builder.setPort(properties.embedded().port());
            log.info("Embedded PostgreSQL keeps its data under {}", dir);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, YiwangProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setMaximumPoolSize(properties.embedded().poolSize());
        config.setPoolName("yiwang-embedded");
        return new HikariDataSource(config);
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
