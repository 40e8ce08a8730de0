package org.yiwang.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.audit.AuditChain;
import org.yiwang.audit.ChainVerification;
import org.yiwang.audit.ChainVerification.BrokenLink;
import org.yiwang.audit.ChainVerification.Problem;

/**
 * Seals unsealed records into the hash chain in batches and verifies the chain. Sealing locks the chain's head
 * row, so with several application nodes on one database exactly one extends the chain at a time (the periodic
 * sealer runs on one node of the cluster anyway); recording never takes that lock. Records committed late are simply sealed later: the chain's order is
 * seal order (chain_seq), not id order.
 */
@Service
class JdbcAuditChain implements AuditChain {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditChain.class);

    static final int BATCH = 1000;
    private static final int FETCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate sealTransaction;
    private final TransactionTemplate snapshot;
    private final Clock clock;
    private final MessageSource messages;

    JdbcAuditChain(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Clock clock,
                   MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.jdbcTemplate = jdbcTemplate;
        this.sealTransaction = new TransactionTemplate(transactions);
        this.sealTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // one snapshot for the head and all rows, so a seal committing meanwhile cannot look like a break
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Waits for a sealer running elsewhere, so that every record committed before the call ends up sealed. */
    @Override
    public int sealPending() {
        int total = 0;
        while (true) {
            Integer sealed = sealTransaction.execute(status -> sealBatch());
            if (sealed == null) {
                return total;
            }
            total += sealed;
            if (sealed < BATCH) {
                return total;
            }
        }
    }

    /** @return records sealed; waits for a sealer elsewhere, then reads the pending records it left */
    private int sealBatch() {
        Head head = jdbc.sql("SELECT chain_seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
        List<ChainRecord> pending = jdbc.sql("SELECT " + ChainRecord.COLUMNS
                        + " FROM audit_record WHERE chain_seq IS NULL ORDER BY id LIMIT ?")
                .param(BATCH).query(ChainRecord::map).list();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.seq();
        byte[] prev = head.hash();
        List<Object[]> links = new ArrayList<>(pending.size());
        for (ChainRecord record : pending) {
            seq++;
            byte[] hash = record.computeHash(seq, prev);
            links.add(new Object[] {seq, prev, hash, record.id()});
            prev = hash;
        }
        jdbcTemplate.batchUpdate("UPDATE audit_record SET chain_seq = ?, prev_hash = ?, hash = ? WHERE id = ?", links);
        jdbc.sql("UPDATE audit_chain_head SET chain_seq = ?, hash = ?, sealed_at = now() WHERE id = 1")
                .params(seq, prev).update();
        return pending.size();
    }

    @Override
    public ChainVerification verify() {
        return snapshot.execute(status -> {
            Head head = jdbc.sql("SELECT chain_seq, hash FROM audit_chain_head WHERE id = 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2))).single();
            long unsealed = unsealed();
            Walk walk = new Walk();
            // streamed with a server-side cursor (fetch size inside a transaction): memory stays flat
            jdbc.sql("SELECT " + ChainRecord.COLUMNS + " FROM audit_record WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
                    .withFetchSize(FETCH)
                    .query((RowCallbackHandler) rs -> walk.accept(ChainRecord.map(rs, 0)));
            Walk.Break found = walk.broken != null ? walk.broken : walk.checkEnd(head);
            // the explanation in the reader's language: audit.chain.detail.<kind> from the bundle
            BrokenLink broken = found == null ? null : new BrokenLink(found.seq(), found.recordId(), found.problem(),
                    messages.getMessage("audit.chain.detail." + found.key(), found.args(), found.key(),
                            LocaleContextHolder.getLocale()));
            if (broken != null) {
                log.warn("Audit chain broken at chain_seq {} (record {}): {}", broken.chainSeq(), broken.recordId(),
                        broken.problem());
            }
            return new ChainVerification(broken == null, walk.checked, head.seq(), unsealed, clock.instant(), broken);
        });
    }

    long unsealed() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE chain_seq IS NULL").query(Long.class).single();
    }

    private record Head(long seq, byte[] hash) {}

    /** The verification's state while rows stream by; stops checking at the first break. */
    private static final class Walk {
        private static final byte[] GENESIS = new byte[32];
        private long expectedSeq = 1;
        private byte[] prevHash = GENESIS;
        private long checked;
        private Break broken;

        /** A break as found: where, what, and the bundle key and arguments of its explanation. */
        record Break(long seq, Long recordId, Problem problem, String key, Object... args) {}

        void accept(ChainRecord r) {
            if (broken != null) {
                return;
            }
            checked++;
            long seq = r.chainSeq();
            if (seq != expectedSeq) {
                broken = seq > expectedSeq
                        ? new Break(seq, r.id(), Problem.SEQUENCE_GAP, "gap",
                                expectedSeq + (seq - 1 > expectedSeq ? "–" + (seq - 1) : ""))
                        : new Break(seq, r.id(), Problem.SEQUENCE_GAP, "repeat");
                return;
            }
            if (!Arrays.equals(r.prevHash(), prevHash)) {
                broken = new Break(seq, r.id(), Problem.PREV_HASH_MISMATCH, "prev", String.valueOf(seq - 1));
                return;
            }
            if (!Arrays.equals(r.computeHash(seq, r.prevHash()), r.hash())) {
                broken = new Break(seq, r.id(), Problem.HASH_MISMATCH, "hash");
                return;
            }
            prevHash = r.hash();
            expectedSeq++;
        }

        Break checkEnd(Head head) {
            long last = expectedSeq - 1;
            if (last != head.seq() || !Arrays.equals(prevHash, head.hash())) {
                return new Break(last + 1, null, Problem.HEAD_MISMATCH, "head", String.valueOf(last),
                        String.valueOf(head.seq()), shortHex(head.hash()));
            }
            return null;
        }

        private static String shortHex(byte[] hash) {
            return HexFormat.of().formatHex(hash, 0, Math.min(6, hash.length));
        }
    }
}
