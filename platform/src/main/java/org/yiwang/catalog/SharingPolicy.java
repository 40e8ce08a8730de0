package org.yiwang.catalog;

/**
 * The one sharing decision (共享判定) used by every read of personal data:
 * {@code (consumer, element, purpose) → allow | deny + reason}. Order: unknown element → deny; the subject
 * themself → allow; negative list → deny; responsible department → allow; a demand-list entry for the
 * consumer, element and purpose → allow; otherwise deny. Territorial data scope is checked by the read path.
 */
public interface SharingPolicy {

    SharingDecision decide(Consumer consumer, String elementCode, String purpose);
}
