package org.yiwang.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A department system's result for a part, in its own field names and status codes.
 *
 * @param resultId   its own id for the result: the same id again has no second effect
 * @param questioned RETURNED: its fields the applicant must correct
 * @param license    APPROVED: license data in its field names
 */
record InboundResult(String resultId, UUID partId, String status, String reason, List<String> questioned,
                     Map<String, String> license) {

    InboundResult {
        questioned = questioned == null ? List.of() : List.copyOf(questioned);
        license = license == null ? Map.of() : Map.copyOf(license);
    }

    /** What yiwang answered: the part's status after the result, and the license issued, if any. */
    record Answer(UUID partId, String status, String licenseId) {}
}
