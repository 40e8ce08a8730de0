package org.yiwang.services.internal.application;

import java.util.List;
import java.util.UUID;
import org.yiwang.kernel.InvalidInputException;

/** The idempotency key was used before: nothing new is written; the page shows the earlier application. */
class ReplayedSubmission extends InvalidInputException {

    private final UUID applicationId;

    ReplayedSubmission(UUID applicationId, String reference, boolean sameContent) {
        super(List.of(Violation.of("idempotencyKey", sameContent ? "replayed" : "idempotency-key-reused", reference)), 409);
        this.applicationId = applicationId;
    }

    UUID applicationId() {
        return applicationId;
    }
}
