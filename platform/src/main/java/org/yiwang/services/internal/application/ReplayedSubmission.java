package org.yiwang.services.internal.application;

import java.util.List;
import java.util.UUID;
import org.yiwang.kernel.InvalidInputException;

/** The idempotency key was used before: nothing new is written; the page shows the earlier application. */
class ReplayedSubmission extends InvalidInputException {

    private final UUID applicationId;

    ReplayedSubmission(UUID applicationId, String reference, boolean sameContent) {
        super(List.of(new Violation("idempotencyKey", sameContent ? "replayed" : "idempotency-key-reused",
                sameContent ? "该申请已提交,办件编号 " + reference + " / already submitted as " + reference
                        : "该提交凭证已用于办件 " + reference + " / the key was used for " + reference)), 409);
        this.applicationId = applicationId;
    }

    UUID applicationId() {
        return applicationId;
    }
}
