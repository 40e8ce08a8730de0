package org.yiwang.exchange.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;

/**
 * One row in the department's own table: options {@code table} (parts) or {@code changeTable} (subscribed changes),
 * {@code keyColumn} (our delivery id — a repeat hits its primary key and counts as delivered), optionally
 * {@code partColumn}, {@code itemColumn}, {@code subscriptionColumn}; the mapped fields are its column names.
 */
@Component
class JdbcTransport implements Transport {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final DepartmentDatabases databases;

    JdbcTransport(DepartmentDatabases databases) {
        this.databases = databases;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.JDBC;
    }

    @Override
    public CompletableFuture<Void> send(Connector connector, String password, Message message) {
        try {
            insert(connector, password, message);
            return CompletableFuture.completedFuture(null);
        } catch (DeliveryFailure e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void insert(Connector connector, String password, Message message) {
        boolean part = Delivery.PART.equals(message.type());
        String table = part ? connector.option("table", null) : connector.option("changeTable", null);
        if (table == null) throw new DeliveryFailure("no " + (part ? "table" : "changeTable") + " option", true);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(connector.option("keyColumn", "YW_ID"), message.id().toString());
        put(row, connector.option("partColumn", null), message.partId() == null ? null : message.partId().toString());
        put(row, connector.option("referenceColumn", null), message.reference());
        put(row, connector.option("itemColumn", null), message.item());
        put(row, connector.option("subscriptionColumn", null), message.subscription());
        row.putAll(message.data());
        List<String> columns = new ArrayList<>(row.keySet());
        columns.stream().filter(c -> !IDENTIFIER.matcher(c).matches()).findFirst().ifPresent(c -> {
            throw new DeliveryFailure("field " + c + " is not a column name", true);
        });
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try {
            new JdbcTemplate(databases.of(connector, password)).update(sql, row.values().toArray());
        } catch (DuplicateKeyException e) {
            // delivered before (a retry after a lost acknowledgement): the row is already there
        } catch (DataAccessException e) {
            // the driver's message may quote values: keep only the SQL state
            Throwable cause = e.getMostSpecificCause();
            String state = cause instanceof SQLException s ? s.getSQLState() : "-";
            throw new DeliveryFailure("database refused the row: SQLState " + state + " ("
                    + cause.getClass().getSimpleName() + ")", false);
        }
    }

    private static void put(Map<String, Object> row, String column, Object value) {
        if (column != null) row.put(column, value);
    }
}
