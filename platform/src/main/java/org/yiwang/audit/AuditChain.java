package org.yiwang.audit;

/**
 * The hash chain over the audit records. Records are inserted unsealed (so recording never waits on a global
 * lock); a sealer links them in seal order: {@code hash = SHA-256(prev_hash || canonical record)}. Verification
 * recomputes every link and compares the end with the stored head, so an altered, deleted or cut-off record is
 * found.
 */
public interface AuditChain {

    /**
     * Seals every record committed so far that is not yet in the chain. Safe with several application nodes: one
     * seals at a time, the others return 0 at once.
     *
     * @return how many records this call sealed
     */
    int sealPending();

    /** Walks the whole chain in seal order (streaming) and reports the first broken link, if any. */
    ChainVerification verify();
}
