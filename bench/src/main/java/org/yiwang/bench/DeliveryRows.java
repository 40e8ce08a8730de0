package org.yiwang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The benchmark's rows of the outbox ({@code exchange_delivery}), read directly: the delivery ids (the receivers'
 * idempotency keys) of each connector and subject, and counts by state. Only the connectors the benchmark created.
 */
final class DeliveryRows {

    private final DataSource dataSource;

    DeliveryRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long maxSeq() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(max(seq), 0) FROM exchange_delivery"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The benchmark's deliveries since {@code seq} by state; only the unfinished ones when {@code open}. */
    Map<String, Long> states(long seq, boolean open) throws SQLException {
        Map<String, Long> states = new LinkedHashMap<>();
        // the unfinished ones with the literal states of the outbox's partial index, which holds only them
        String which = open ? "state IN ('PENDING', 'SENDING')" : "state IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state, count(*) FROM exchange_delivery WHERE " + which
                        + " AND seq > ? AND connector LIKE ? GROUP BY state ORDER BY state")) {
            s.setLong(1, seq);
            s.setString(2, ExchangeBenchmark.PREFIX + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) states.put(r.getString(1), r.getLong(2));
            }
        }
        return states;
    }

    /** Connector and subject → delivery ids in the order of the outbox. */
    Map<String, ArrayDeque<String>> deliveries(long seq) throws SQLException {
        Map<String, ArrayDeque<String>> deliveries = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, connector, ordering_key FROM exchange_delivery WHERE seq > ? AND connector LIKE ?"
                        + " ORDER BY seq")) {
            s.setLong(1, seq);
            s.setString(2, ExchangeBenchmark.PREFIX + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    deliveries.computeIfAbsent(r.getString(2) + "/" + r.getString(3), k -> new ArrayDeque<>())
                            .add(r.getString(1));
                }
            }
        }
        return deliveries;
    }

    /** The error of the first dead one since {@code seq}. */
    String firstDead(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT last_error FROM exchange_delivery WHERE seq > ? AND connector LIKE ? AND state = 'DEAD'"
                        + " ORDER BY seq LIMIT 1")) {
            s.setLong(1, seq);
            s.setString(2, ExchangeBenchmark.PREFIX + "%");
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }
}
