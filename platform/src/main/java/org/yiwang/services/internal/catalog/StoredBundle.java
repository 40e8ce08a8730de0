package org.yiwang.services.internal.catalog;

import java.time.Instant;
import org.yiwang.services.Bundle;

/** A bundle as stored; see {@link StoredItem} for the provenance fields. */
public record StoredBundle(BundleDefinition definition, Bundle bundle, String sourceFile, String fileHash,
                           String updatedBy, Instant updatedAt, int revision, boolean edited) {}
