package org.yiwang.basedata;

import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/**
 * A bulk import finished. One event per import rather than one per row: the import's changes are in the history
 * under {@code importId} for consumers that need them row by row.
 */
public record SubjectsImported(UUID importId, SubjectType type, long imported, long rejected, String source,
                               Method method) {}
