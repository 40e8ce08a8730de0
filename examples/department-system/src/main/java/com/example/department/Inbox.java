package com.example.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The received deliveries (T_SJJS) and their fields (T_SJJS_ZD). */
@Repository
class Inbox {

    private static final String TEXT = "S";
    private static final String JSON = "J";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Inbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the delivery and its fields together. A delivery already stored fails on the primary key with a
     * {@link org.springframework.dao.DuplicateKeyException} — also when two copies arrive at the same moment.
     */
    @Transactional
    void store(Delivery delivery, Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO T_SJJS (YWLSH, XXLX, BJBH, SQBH, SXBM, DYBM, BGZD, JSSJ, YSBW, ZT)
                VALUES (:key, :type, :partId, :reference, :item, :subscription, :changed, :receivedAt, :raw, :status)""")
                .param("key", delivery.key())
                .param("type", delivery.type())
                .param("partId", delivery.partId())
                .param("reference", delivery.reference())
                .param("item", delivery.item())
                .param("subscription", delivery.subscription())
                .param("changed", delivery.changed().isEmpty() ? null : String.join(",", delivery.changed()))
                .param("receivedAt", receivedAt.atOffset(ZoneOffset.UTC))
                .param("raw", delivery.raw())
                .param("status", delivery.status())
                .update();
        int order = 0;
        for (Map.Entry<String, JsonNode> field : delivery.data().entrySet()) {
            JsonNode value = field.getValue();
            boolean text = value.isString();
            jdbc.sql("INSERT INTO T_SJJS_ZD (YWLSH, ZDXH, ZDMC, ZDZ, ZDLX) VALUES (?, ?, ?, ?, ?)")
                    .params(delivery.key(), ++order, field.getKey(),
                            text ? value.stringValue() : value.isNull() ? null : value.toString(),
                            text ? TEXT : JSON)
                    .update();
        }
    }

    Optional<Received> find(String key) {
        return jdbc.sql("SELECT * FROM T_SJJS WHERE YWLSH = ?").param(key).query(this::row).optional()
                .map(found -> withData(List.of(found)).get(0));
    }

    List<Received> newestFirst(int limit) {
        return withData(jdbc.sql("SELECT * FROM T_SJJS ORDER BY XH DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit).query(this::row).list());
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM T_SJJS").query(Long.class).single();
    }

    private List<Received> withData(List<Received> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, Map<String, Object>> data = new HashMap<>();
        jdbc.sql("SELECT YWLSH, ZDMC, ZDZ, ZDLX FROM T_SJJS_ZD WHERE YWLSH IN (:keys) ORDER BY YWLSH, ZDXH")
                .param("keys", deliveries.stream().map(Received::key).toList())
                .query(rs -> {
                    data.computeIfAbsent(rs.getString("YWLSH"), key -> new LinkedHashMap<>())
                            .put(rs.getString("ZDMC"), value(rs.getString("ZDZ"), rs.getString("ZDLX")));
                });
        List<Received> result = new ArrayList<>(deliveries.size());
        for (Received r : deliveries) {
            result.add(new Received(r.key(), r.type(), r.partId(), r.reference(), r.item(), r.subscription(),
                    r.changed(), data.getOrDefault(r.key(), Map.of()), r.receivedAt(), r.status()));
        }
        return result;
    }

    private Object value(String stored, String kind) {
        if (stored == null || TEXT.equals(kind)) {
            return stored;
        }
        return json.readTree(stored);
    }

    private Received row(ResultSet rs, int rowNum) throws SQLException {
        String changed = rs.getString("BGZD");
        return new Received(rs.getString("YWLSH"), rs.getString("XXLX"), rs.getString("BJBH"), rs.getString("SQBH"),
                rs.getString("SXBM"), rs.getString("DYBM"),
                changed == null ? List.of() : Arrays.asList(changed.split(",")), Map.of(),
                rs.getObject("JSSJ", OffsetDateTime.class).toInstant(), rs.getString("ZT"));
    }

    /**
     * Where yiwang last said each of these parts stands (its {@code application.status} deliveries): a part decided
     * there by another route is decided here too.
     */
    Map<String, PartState> yiwangStatus(List<String> partIds) {
        if (partIds.isEmpty()) {
            return Map.of();
        }
        Map<String, PartState> statuses = new HashMap<>();
        jdbc.sql("""
                SELECT BJBH, ZT, JSSJ FROM T_SJJS WHERE XXLX = :type AND BJBH IN (:parts) ORDER BY XH""")
                .param("type", Delivery.APPLICATION_STATUS).param("parts", partIds)
                .query(rs -> {
                    statuses.put(rs.getString("BJBH"), new PartState(rs.getString("ZT"),
                            rs.getObject("JSSJ", OffsetDateTime.class).toInstant()));
                });
        return statuses;
    }
}
