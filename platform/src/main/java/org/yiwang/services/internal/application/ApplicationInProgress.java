package org.yiwang.services.internal.application;

import java.util.List;
import java.util.UUID;
import org.yiwang.kernel.InvalidInputException;

/**
 * The applicant already has an undecided application for the item: a second one would only make two departments'
 * officers decide the same thing twice. A 409 naming the rule {@code application-in-progress} and the application
 * in progress; pages link to it.
 */
class ApplicationInProgress extends InvalidInputException {

    private final UUID applicationId;
    private final String reference;

    ApplicationInProgress(UUID applicationId, String reference, String itemName) {
        super(List.of(Violation.of("application", "application-in-progress", reference, itemName)), 409);
        this.applicationId = applicationId;
        this.reference = reference;
    }

    UUID applicationId() {
        return applicationId;
    }

    String reference() {
        return reference;
    }
}
