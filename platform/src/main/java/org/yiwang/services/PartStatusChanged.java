package org.yiwang.services;

import java.util.UUID;

/** A part moved on; published in the deciding transaction. */
public record PartStatusChanged(UUID partId, UUID applicationId, String itemCode, String department,
                                PartStatus from, PartStatus to) {}
