package org.yiwang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;

/** The embedded database as the application uses it: not as a superuser, and nobody in without a password. */
@IntegrationTest
class EmbeddedDatabaseTest {

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    @Test
    void theApplicationConnectsAsARoleThatIsNotASuperuser() {
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("yiwang");
        assertThat(jdbc.sql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")
                .query(String.class).single()).as("owner of the application's database").isEqualTo("yiwang");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'yiwang'")
                .query(Long.class).single()).as("tables the application does not own").isZero();
        assertThat(jdbc.sql("SHOW listen_addresses").query(String.class).single()).isEqualTo("localhost");
    }

    @Test
    void aConnectionWithoutPasswordOrWithAWrongOneIsRefused() throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        for (String user : new String[] {"yiwang", "postgres"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url + "&user=" + user).close())
                    .as("no password for %s", user).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url + "&user=" + user + "&password=guess").close())
                    .as("a wrong password for %s", user).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }
}
