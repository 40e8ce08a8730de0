package org.yiwang.exchange.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message for one connector: an application part, a part's new status (decided in yiwang by another route), or
 * a subscribed change of a subject. It carries no values; they are read, policy-checked and audited, when it is sent.
 *
 * @param id          also the idempotency key the receiver de-duplicates on
 * @param orderingKey the subject (or part) — its deliveries to one connector go one at a time, in order
 * @param partStatus  for a status delivery: the status it tells
 */
record Delivery(UUID id, long seq, String connector, String type, UUID orderingKey, UUID partId, String subjectType,
                String subscription, List<String> changed, String state, int attempts, Instant nextAttemptAt,
                Integer mappingVersion, String lastError, Instant createdAt, Instant deliveredAt, String partStatus) {

    static final String PART = "application.part";
    static final String STATUS = "application.status";
    static final String CHANGE = "subject.change";

    static Delivery part(String connector, UUID partId) {
        return new Delivery(UUID.randomUUID(), 0, connector, PART, partId, partId, null, null, null, "PENDING", 0,
                null, null, null, null, null, null);
    }

    /** Ordered by the part, so it follows the part's own delivery to the same connector. */
    static Delivery status(String connector, UUID partId, String status) {
        return new Delivery(UUID.randomUUID(), 0, connector, STATUS, partId, partId, null, null, null, "PENDING", 0,
                null, null, null, null, null, status);
    }

    static Delivery change(String connector, String subscription, String subjectType, UUID subjectId,
                           List<String> changed) {
        return new Delivery(UUID.randomUUID(), 0, connector, CHANGE, subjectId, null, subjectType, subscription,
                changed, "PENDING", 0, null, null, null, null, null, null);
    }
}
