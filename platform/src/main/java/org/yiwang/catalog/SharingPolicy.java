package org.yiwang.catalog;

/**
 * The one sharing decision (共享判定) used by every read of personal data:
 * {@code (consumer, element, purpose) → allow | deny + reason}. Order: unknown element → deny; the subject
 * themself → allow; negative list → deny; responsible department → allow; a demand-list entry for the
 * consumer, element and purpose → allow; otherwise deny. Territorial data scope is checked by the read path.
 * Allowed sensitive values are in clear for the subject themself, the responsible department and demand entries
 * granted in clear; non-sensitive values are always in clear. Answered from memory: cheap enough for every
 * element of every read.
 */
public interface SharingPolicy {

    SharingDecision decide(Consumer consumer, String elementCode, String purpose);

    /** The same decision with every rule evaluated and its outcome, for the data administrator's explain view. */
    SharingExplanation explain(Consumer consumer, String elementCode, String purpose);
}
