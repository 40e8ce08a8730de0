package com.example.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every result sent to yiwang and its answer (T_SPJG). */
@Repository
class SentResults {

    private final JdbcClient jdbc;

    SentResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(SentResult result) {
        jdbc.sql("""
                INSERT INTO T_SPJG (JGID, YWLSH, BJBH, ZT, YJ, FSNR, FSSJ, XYZT, XYNR)
                VALUES (:resultId, :key, :partId, :status, :reason, :sent, :sentAt, :httpStatus, :answer)""")
                .param("resultId", result.resultId())
                .param("key", result.key())
                .param("partId", result.partId())
                .param("status", result.status())
                .param("reason", result.reason())
                .param("sent", result.sent())
                .param("sentAt", result.sentAt().atOffset(ZoneOffset.UTC))
                .param("httpStatus", result.httpStatus())
                .param("answer", result.answer())
                .update();
    }

    /** Results per delivery key, newest first. */
    Map<String, List<SentResult>> byDelivery(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM T_SPJG WHERE YWLSH IN (:keys) ORDER BY XH DESC")
                .param("keys", keys).query(this::row).list().stream()
                .collect(Collectors.groupingBy(SentResult::key));
    }

    List<SentResult> of(String key) {
        return byDelivery(List.of(key)).getOrDefault(key, List.of());
    }

    private SentResult row(ResultSet rs, int rowNum) throws SQLException {
        return new SentResult(rs.getString("JGID"), rs.getString("YWLSH"), rs.getString("BJBH"), rs.getString("ZT"),
                rs.getString("YJ"), rs.getString("FSNR"), rs.getObject("FSSJ", OffsetDateTime.class).toInstant(),
                rs.getObject("XYZT", Integer.class), rs.getString("XYNR"));
    }
}
