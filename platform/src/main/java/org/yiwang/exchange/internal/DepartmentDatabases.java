package org.yiwang.exchange.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;

/** A small connection pool per JDBC connector, replaced when the connector's address or credentials change. */
@Component
class DepartmentDatabases implements DisposableBean {

    private record Pool(String fingerprint, HikariDataSource dataSource) {}

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    DataSource of(Connector connector, String password) {
        String fingerprint = connector.endpoint() + "|" + connector.option("username", "") + "|"
                + Objects.hashCode(password);
        Pool pool = pools.compute(connector.code(), (code, current) -> {
            if (current != null && current.fingerprint().equals(fingerprint)) return current;
            if (current != null) current.dataSource().close();
            HikariConfig config = new HikariConfig();
            config.setPoolName("exchange-" + code);
            config.setJdbcUrl(connector.endpoint());
            config.setUsername(connector.option("username", null));
            config.setPassword(password);
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setInitializationFailTimeout(-1);
            config.setConnectionTimeout(5_000);
            return new Pool(fingerprint, new HikariDataSource(config));
        });
        return pool.dataSource();
    }

    @Override
    public void destroy() {
        pools.values().forEach(p -> p.dataSource().close());
    }
}
