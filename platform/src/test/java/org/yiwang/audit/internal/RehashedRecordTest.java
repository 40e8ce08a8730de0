package org.yiwang.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.IntegrationTest;
import org.yiwang.audit.AuditChain;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.audit.ChainVerification;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/**
 * A forger who alters a record and recomputes its hash is still caught: the next record links to the old hash.
 * (Rewriting the whole rest of the chain and its head is beyond what a chain alone can prevent.)
 */
@IntegrationTest
class RehashedRecordTest {

    @Autowired AuditLog auditLog;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRecordAlteredAndRehashedBreaksTheNextLink() {
        String purpose = "rehash-" + UUID.randomUUID();
        Actor officer = new Actor("ga-officer", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());
        for (int i = 0; i < 3; i++) {
            auditLog.record(new AuditEntry(officer, AuditEntry.Action.READ, purpose, SubjectType.HOUSE,
                    "HOUSE-" + purpose, "HOUSE-" + purpose, List.of("HOUSE_ADDRESS"), true, "DEMAND_LIST"));
        }
        chain.sealPending();
        ChainRecord victim = jdbc.sql("SELECT " + ChainRecord.COLUMNS + " FROM audit_record WHERE purpose = ? ORDER BY id")
                .param(purpose).query(ChainRecord::map).list().get(1);

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        ChainVerification verification = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("UPDATE audit_record SET allowed = false, reason = 'NEGATIVE_LIST' WHERE id = ?")
                    .param(victim.id()).update();
            ChainRecord forged = jdbc.sql("SELECT " + ChainRecord.COLUMNS + " FROM audit_record WHERE id = ?")
                    .param(victim.id()).query(ChainRecord::map).single();
            jdbc.sql("UPDATE audit_record SET hash = ? WHERE id = ?")
                    .params(forged.computeHash(forged.chainSeq(), forged.prevHash()), victim.id()).update();
            return chain.verify();
        });

        assertThat(verification.ok()).isFalse();
        assertThat(verification.firstBroken().problem()).isEqualTo(ChainVerification.Problem.PREV_HASH_MISMATCH);
        assertThat(verification.firstBroken().chainSeq()).isEqualTo(victim.chainSeq() + 1);
        assertThat(chain.verify().ok()).isTrue();
    }
}
