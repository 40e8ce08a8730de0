package org.yiwang.services.internal.catalog;

import java.time.Instant;
import org.yiwang.services.ServiceItem;

/**
 * An item as stored: its definition, the public value, and where it came from.
 *
 * @param sourceFile the definition file it was loaded from, {@code null} when created in a page or through the API
 * @param fileHash   hash of the file's definition when last loaded
 * @param edited     changed in a page or through the API since it was last loaded from its file
 */
public record StoredItem(ItemDefinition definition, ServiceItem item, String sourceFile, String fileHash,
                         String updatedBy, Instant updatedAt, int revision, boolean edited) {}
