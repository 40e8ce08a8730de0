package org.yiwang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yiwang.audit.AuditTest.ADMIN;
import static org.yiwang.audit.AuditTest.OFFICER;
import static org.yiwang.audit.AuditTest.as;
import static org.yiwang.audit.AuditTest.newCitizenId;
import static org.yiwang.audit.AuditTest.resident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.yiwang.IntegrationTest;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;

/**
 * The hash chain: sealing, verification, and detection of an altered, deleted or cut-off record. Tampering is
 * either undone in a finally block or done inside a transaction that is rolled back, so the shared chain stays
 * intact for every other test.
 */
@IntegrationTest
class AuditChainTest {

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired AuditChain chain;
    @Autowired FieldCipher cipher;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void sealedRecordsVerify() {
        List<Long> ids = recordSealed(newCitizenId(), 5);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE id IN (:ids) AND chain_seq IS NOT NULL")
                .param("ids", ids).query(Long.class).single()).isEqualTo(5);
        ChainVerification verification = chain.verify();
        assertThat(verification.ok()).as("%s", verification.firstBroken()).isTrue();
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.recordsChecked()).isEqualTo(verification.headSeq()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anAlteredRecordIsReportedAsTheFirstBrokenLink() throws Exception {
        List<Long> ids = recordSealed(newCitizenId(), 3);
        long tampered = ids.get(1);
        long seq = chainSeq(tampered);
        String original = jdbc.sql("SELECT purpose FROM audit_record WHERE id = ?").param(tampered)
                .query(String.class).single();
        jdbc.sql("UPDATE audit_record SET purpose = '正常业务' WHERE id = ?").param(tampered).update();
        try {
            mvc.perform(post("/api/v1/audit/verify").with(as(ADMIN)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBroken.recordId").value(tampered))
                    .andExpect(jsonPath("$.firstBroken.chainSeq").value(seq))
                    .andExpect(jsonPath("$.firstBroken.problem").value("HASH_MISMATCH"));
            // the administrator's page shows the same through htmx
            mvc.perform(post("/audit/verify").header("HX-Request", "true").with(as(ADMIN)).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("<html"))))
                    .andExpect(content().string(Matchers.containsString("哈希链断裂")))
                    .andExpect(content().string(Matchers.containsString("链序号 " + seq + ",记录编号 " + tampered)));
        } finally {
            jdbc.sql("UPDATE audit_record SET purpose = ? WHERE id = ?").params(original, tampered).update();
        }
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void aDeletedRecordInTheMiddleIsDetected() {
        List<Long> ids = recordSealed(newCitizenId(), 3);
        long deletedSeq = chainSeq(ids.get(1));
        long nextId = jdbc.sql("SELECT id FROM audit_record WHERE chain_seq = ?").param(deletedSeq + 1)
                .query(Long.class).single();

        ChainVerification verification = AuditTest.snapshotTransaction(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("DELETE FROM audit_record WHERE id = ?").param(ids.get(1)).update();
            return chain.verify();
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBroken().problem()).isEqualTo(ChainVerification.Problem.SEQUENCE_GAP);
        assertThat(verification.firstBroken().chainSeq()).isEqualTo(deletedSeq + 1);
        assertThat(verification.firstBroken().recordId()).isEqualTo(nextId);
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void cuttingOffTheNewestRecordsIsDetected() {
        recordSealed(newCitizenId(), 2);

        ChainVerification verification = AuditTest.snapshotTransaction(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("DELETE FROM audit_record WHERE chain_seq = (SELECT chain_seq FROM audit_chain_head)").update();
            return chain.verify();
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBroken().problem()).isEqualTo(ChainVerification.Problem.HEAD_MISMATCH);
        assertThat(verification.firstBroken().chainSeq()).isEqualTo(verification.headSeq());
    }

    @Test
    void theBackgroundSealerLinksNewRecordsWithinSeconds() {
        String purpose = "background-" + UUID.randomUUID();
        auditLog.record(AuditTest.read(OFFICER, newCitizenId(), purpose, List.of("PERSON_NAME"), true, "DEMAND_LIST",
                cipher));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT chain_seq IS NOT NULL FROM audit_record WHERE purpose = ?").param(purpose)
                .query(Boolean.class).single());
    }

    @Test
    void metricsCountRecordsAndUnsealedOnes() throws Exception {
        auditLog.recordDenial(AuditTest.read(OFFICER, newCitizenId(), "metrics", List.of("RELIGION"), false,
                "NEGATIVE_LIST", cipher));

        mvc.perform(get("/actuator/prometheus").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("monitoring", "test-monitoring-secret")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(
                        "yiwang_audit_records_total{action=\"READ\",allowed=\"false\"")))
                .andExpect(content().string(Matchers.containsString("yiwang_audit_unsealed")));
    }

    @Test
    void systemAdministratorsCheckTheChainButDoNotSearchTheLog() throws Exception {
        Actor sysadmin = new Actor("sysadmin-audit", Role.SYSTEM_ADMIN, "310000-DSJ", null, null, Set.of());
        mvc.perform(get("/audit").with(as(sysadmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("校验哈希链")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("查询使用记录"))));
        mvc.perform(get("/audit").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("校验哈希链")))
                .andExpect(content().string(Matchers.containsString("查询使用记录")));
        mvc.perform(get("/api/v1/audit/records").with(as(sysadmin))).andExpect(status().isForbidden());
    }

    @Test
    void onlyAdministratorsVerify() throws Exception {
        mvc.perform(post("/api/v1/audit/verify").with(as(OFFICER)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/audit/verify").with(as(resident(newCitizenId()))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(as(OFFICER)).with(csrf())).andExpect(status().isForbidden());
        Actor sysadmin = new Actor("sysadmin-audit", Role.SYSTEM_ADMIN, "310000-DSJ", null, null, Set.of());
        mvc.perform(post("/api/v1/audit/verify").with(as(sysadmin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));
        // without JavaScript the button posts a plain form and gets the whole page back
        mvc.perform(post("/audit/verify").with(as(sysadmin)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<html")))
                .andExpect(content().string(Matchers.containsString("哈希链完整")));
    }

    @Test
    void concurrentRecordingSealsIntoOneGaplessChain() throws Exception {
        String purpose = "concurrency-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            // a sealer keeps running while 8 clients record
            Future<?> sealer = pool.submit(() -> {
                while (writing.get()) {
                    chain.sealPending();
                }
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        CitizenId subject = newCitizenId();
                        auditLog.record(AuditTest.read(OFFICER, subject, purpose, List.of("PERSON_NAME"), true,
                                "DEMAND_LIST", cipher));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            sealer.get();
        } finally {
            pool.shutdownNow();
        }
        chain.sealPending();

        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE purpose = ? AND chain_seq IS NOT NULL")
                .param(purpose).query(Long.class).single()).isEqualTo(800);
        var sealed = jdbc.sql("SELECT count(*), coalesce(max(chain_seq), 0) FROM audit_record WHERE chain_seq IS NOT NULL")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        assertThat(sealed[0]).as("no gaps in chain_seq").isEqualTo(sealed[1]);
        ChainVerification verification = chain.verify();
        assertThat(verification.ok()).as("%s", verification.firstBroken()).isTrue();
    }

    private List<Long> recordSealed(CitizenId subject, int count) {
        String purpose = "chain-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            auditLog.record(AuditTest.read(OFFICER, subject, purpose, List.of("PERSON_NAME", "PHONE"), true,
                    "DEMAND_LIST", cipher));
        }
        chain.sealPending();
        return jdbc.sql("SELECT id FROM audit_record WHERE purpose = ? ORDER BY id").param(purpose)
                .query(Long.class).list();
    }

    private long chainSeq(long id) {
        return jdbc.sql("SELECT chain_seq FROM audit_record WHERE id = ?").param(id).query(Long.class).single();
    }
}
