package org.yiwang.audit;

import java.time.Instant;

/**
 * The outcome of {@link AuditChain#verify()}.
 *
 * @param ok             whether every link holds and the chain ends at the stored head
 * @param recordsChecked sealed records walked (up to and including the broken one)
 * @param headSeq        the chain_seq of the stored head (the last sealed record)
 * @param unsealed       records recorded but not yet sealed (not covered by this verification)
 * @param verifiedAt     when the verification ran
 * @param firstBroken    the first broken link, {@code null} when {@code ok}
 */
public record ChainVerification(boolean ok, long recordsChecked, long headSeq, long unsealed, Instant verifiedAt,
                                BrokenLink firstBroken) {

    /** What is wrong with a link. */
    public enum Problem {
        /** the record's content no longer matches its hash: a field was changed */
        HASH_MISMATCH,
        /** the record does not point at the hash of the record before it: that one was altered or replaced */
        PREV_HASH_MISMATCH,
        /** chain_seq jumps: the records in between were deleted */
        SEQUENCE_GAP,
        /** the chain ends before (or differently from) the stored head: the newest records were removed */
        HEAD_MISMATCH
    }

    /**
     * @param chainSeq the position in the chain where the break was found
     * @param recordId the audit record at that position ({@code null} when it is missing)
     * @param problem  what is wrong
     * @param detail   a human-readable explanation
     */
    public record BrokenLink(long chainSeq, Long recordId, Problem problem, String detail) {}
}
