package org.yiwang.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL of the outbox. Claims use {@code FOR UPDATE SKIP LOCKED}, so any number of nodes drain it together. */
@Repository
class DeliveryStore {

    private static final String COLUMNS = """
            id, seq, connector, type, ordering_key, part_id, subject_type, subscription, changed, state, attempts,
            next_attempt_at, mapping_version, last_error, created_at, delivered_at, part_status""";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Delivery d) {
        jdbc.sql("""
                INSERT INTO exchange_delivery (id, connector, type, ordering_key, part_id, subject_type, subscription,
                                               changed, part_status)
                VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(d.id(), d.connector(), d.type(), d.orderingKey(), d.partId(), d.subjectType(),
                        d.subscription(), d.changed() == null ? null : d.changed().toArray(String[]::new),
                        d.partStatus())
                .update();
    }

    /**
     * Takes up to {@code limit} due deliveries, each the oldest unfinished one of its connector and subject, and
     * leases them to this node for {@code lease}. A node that dies mid-send loses its lease and another node sends
     * again — at least once; the idempotency key lets the receiver drop the repeat.
     * <p>
     * Walks the unfinished deliveries in {@code seq} order and stops at {@code limit}. The statistics of this table
     * mostly see delivered rows, so when a backlog builds up the planner still expects a handful of unfinished ones and
     * would read them all and sort them — on every claim, while the backlog grows; sorting is switched off for the
     * claim's transaction so that it takes the ordered index scan whatever the statistics say.
     */
    @Transactional
    List<Delivery> claim(int limit, Duration lease) {
        jdbc.sql("SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true)")
                .query((rs, n) -> 1).list();
        return jdbc.sql("""
                WITH due AS (
                    SELECT d.id FROM exchange_delivery d
                     WHERE d.state IN ('PENDING', 'SENDING') AND d.next_attempt_at <= now()
                       AND d.connector IN (SELECT code FROM exchange_connector WHERE enabled)
                       AND (d.state = 'PENDING' OR d.lease_until < now())
                       -- the oldest unfinished one of its connector and subject: one probe of the order index
                       -- per candidate. (A NOT EXISTS became an anti-join that, planned with statistics from
                       -- when little was pending, scanned every unfinished delivery for each candidate.)
                       AND d.seq = (SELECT e.seq FROM exchange_delivery e
                                     WHERE e.connector = d.connector AND e.ordering_key = d.ordering_key
                                       AND e.state IN ('PENDING', 'SENDING')
                                     ORDER BY e.seq LIMIT 1)
                     ORDER BY d.seq LIMIT :limit
                       FOR UPDATE SKIP LOCKED)
                UPDATE exchange_delivery x SET state = 'SENDING', attempts = x.attempts + 1,
                       lease_until = now() + make_interval(secs => :lease)
                  FROM due WHERE x.id = due.id
                RETURNING x.id, x.seq, x.connector, x.type, x.ordering_key, x.part_id, x.subject_type, x.subscription,
                          x.changed, x.state, x.attempts, x.next_attempt_at, x.mapping_version, x.last_error,
                          x.created_at, x.delivered_at, x.part_status""")
                .param("limit", limit).param("lease", (double) lease.toSeconds())
                .query(this::delivery).list().stream().sorted(Comparator.comparingLong(Delivery::seq)).toList();
    }

    // The outcomes below find a sending delivery by its lease, which only a sending one has, rather than by
    // state = 'SENDING': that would let the planner, believing few deliveries unfinished, scan the partial index of
    // unfinished ones — a whole backlog — for each outcome instead of probing the primary key.

    void delivered(UUID id, Integer mappingVersion) {
        jdbc.sql("""
                UPDATE exchange_delivery SET state = 'DELIVERED', delivered_at = now(), lease_until = NULL,
                       last_error = NULL, mapping_version = ? WHERE id = ? AND lease_until IS NOT NULL""")
                .params(mappingVersion, id).update();
    }

    void retryLater(UUID id, Instant at, String error) {
        jdbc.sql("""
                UPDATE exchange_delivery SET state = 'PENDING', next_attempt_at = ?, lease_until = NULL, last_error = ?
                 WHERE id = ? AND lease_until IS NOT NULL""")
                .params(Timestamp.from(at), truncate(error), id).update();
    }

    void dead(UUID id, String error) {
        jdbc.sql("""
                UPDATE exchange_delivery SET state = 'DEAD', lease_until = NULL, last_error = ?
                 WHERE id = ? AND lease_until IS NOT NULL""")
                .params(truncate(error), id).update();
    }

    /**
     * The connectors a part was delivered to, less the one whose result is being applied in this transaction (its
     * claim is still PENDING): that system knows its own decision.
     */
    List<String> toldOfPart(UUID partId) {
        return jdbc.sql("""
                SELECT DISTINCT d.connector FROM exchange_delivery d
                 WHERE d.part_id = ? AND d.type = 'application.part'
                   AND NOT EXISTS (SELECT 1 FROM exchange_result r
                                    WHERE r.connector = d.connector AND r.part_id = d.part_id AND r.status = 'PENDING')""")
                .param(partId).query(String.class).list();
    }

    /** Dead → pending, attempts from zero (after the cause was fixed). */
    int replay(UUID id) {
        return jdbc.sql("""
                UPDATE exchange_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
                 WHERE id = ? AND state = 'DEAD'""").param(id).update();
    }

    int replayDead(String connector) {
        return jdbc.sql("""
                UPDATE exchange_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
                 WHERE connector = ? AND state = 'DEAD'""").param(connector).update();
    }

    /** A pending delivery waiting out its backoff is sent now. */
    int retryNow(UUID id) {
        return jdbc.sql("UPDATE exchange_delivery SET next_attempt_at = now() WHERE id = ? AND state = 'PENDING'")
                .param(id).update();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_delivery WHERE id = ?").param(id).query(this::delivery)
                .optional();
    }

    List<Delivery> list(String connector, String state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM exchange_delivery"
                        + " WHERE (CAST(:connector AS TEXT) IS NULL OR connector = :connector)"
                        + " AND (CAST(:state AS TEXT) IS NULL OR state = :state) ORDER BY seq DESC LIMIT :limit")
                .param("connector", connector).param("state", state).param("limit", limit)
                .query(this::delivery).list();
    }

    /** Per connector: deliveries by state, attempts, and the age of the oldest unfinished one (lag). */
    List<ConnectorFigures> figures() {
        return jdbc.sql("""
                SELECT c.code,
                       count(d.id) FILTER (WHERE d.state = 'PENDING'),
                       count(d.id) FILTER (WHERE d.state = 'SENDING'),
                       count(d.id) FILTER (WHERE d.state = 'DELIVERED'),
                       count(d.id) FILTER (WHERE d.state = 'DEAD'),
                       COALESCE(sum(d.attempts), 0),
                       COALESCE(sum(d.attempts), 0) - count(d.id) FILTER (WHERE d.state = 'DELIVERED'),
                       COALESCE(EXTRACT(EPOCH FROM now() - min(d.created_at)
                                FILTER (WHERE d.state IN ('PENDING', 'SENDING'))), 0)
                  FROM exchange_connector c LEFT JOIN exchange_delivery d ON d.connector = c.code
                 GROUP BY c.code ORDER BY c.code""")
                .query((rs, n) -> new ConnectorFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8)))
                .list();
    }

    /** Delivered rows older than the retention; dead ones stay until replayed or resolved by hand. */
    int purgeDelivered(Duration retention) {
        return jdbc.sql("DELETE FROM exchange_delivery WHERE state = 'DELIVERED' AND delivered_at < now() - make_interval(secs => ?)")
                .param((double) retention.toSeconds()).update();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }

    private Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        int mappingVersion = rs.getInt("mapping_version");
        return new Delivery(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getString("connector"),
                rs.getString("type"), rs.getObject("ordering_key", UUID.class), rs.getObject("part_id", UUID.class),
                rs.getString("subject_type"), rs.getString("subscription"),
                rs.getArray("changed") == null ? null : ConnectorStore.strings(rs.getArray("changed")),
                rs.getString("state"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.wasNull() ? null : mappingVersion, rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant(),
                rs.getString("part_status"));
    }
}
