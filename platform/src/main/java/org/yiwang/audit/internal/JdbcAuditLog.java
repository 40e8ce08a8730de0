package org.yiwang.audit.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;

/**
 * The hot path: one INSERT per use, in the caller's transaction, with no lock beyond the row's own — the chain is
 * linked later by {@link JdbcAuditChain}. A denial gets a transaction of its own so it outlives the refused command.
 */
@Service
class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit_record (recorded_at, actor_username, actor_role, actor_department, purpose, action,
                                      subject_type, subject_key, subject_display, elements, allowed, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate ownTransaction;
    private final Map<AuditEntry.Action, Counter> allowedCounters = new EnumMap<>(AuditEntry.Action.class);
    private final Map<AuditEntry.Action, Counter> deniedCounters = new EnumMap<>(AuditEntry.Action.class);
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, MeterRegistry meters,
                 Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.batch = batch;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (AuditEntry.Action action : AuditEntry.Action.values()) {
            allowedCounters.put(action, counter(meters, action, true));
            deniedCounters.put(action, counter(meters, action, false));
        }
    }

    private static Counter counter(MeterRegistry meters, AuditEntry.Action action, boolean allowed) {
        return Counter.builder("yiwang.audit.records")
                .description("Uses of personal data recorded in the audit log")
                .tag("action", action.name())
                .tag("allowed", String.valueOf(allowed))
                .register(meters);
    }

    @Override
    public void record(AuditEntry entry) {
        insert(entry);
    }

    /** One JDBC batch for a bulk import's thousand entries, in the caller's transaction. */
    @Override
    public void recordAll(List<AuditEntry> entries) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        batch.batchUpdate(INSERT, entries, 1000, (ps, e) -> {
            ps.setTimestamp(1, now);
            ps.setString(2, e.actor().username());
            ps.setString(3, e.actor().role().name());
            ps.setString(4, e.actor().departmentCode());
            ps.setString(5, e.purpose());
            ps.setString(6, e.action().name());
            ps.setString(7, e.subjectType().name());
            ps.setString(8, e.subjectKey());
            ps.setString(9, e.subjectDisplay());
            ps.setArray(10, ps.getConnection().createArrayOf("text", e.elements().toArray()));
            ps.setBoolean(11, e.allowed());
            ps.setString(12, e.reason());
        });
        entries.forEach(e -> (e.allowed() ? allowedCounters : deniedCounters).get(e.action()).increment());
    }

    @Override
    public void recordDenial(AuditEntry entry) {
        ownTransaction.executeWithoutResult(status -> insert(entry));
    }

    private void insert(AuditEntry e) {
        // microsecond precision: what PostgreSQL keeps, so the sealed hash sees exactly what was stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql(INSERT)
                .params(Timestamp.from(now), e.actor().username(), e.actor().role().name(),
                        e.actor().departmentCode(), e.purpose(), e.action().name(), e.subjectType().name(),
                        e.subjectKey(), e.subjectDisplay(), e.elements().toArray(String[]::new), e.allowed(),
                        e.reason())
                .update();
        (e.allowed() ? allowedCounters : deniedCounters).get(e.action()).increment();
    }
}
