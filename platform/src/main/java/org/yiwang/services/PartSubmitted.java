package org.yiwang.services;

import java.util.UUID;

/** A part reached its department (first submission or after correction). Carries no personal values. */
public record PartSubmitted(UUID partId, UUID applicationId, String itemCode, String department, boolean resubmission) {}
