package org.yiwang.basedata.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/** A history entry: every element change of one accepted write, values in stored form. */
record ChangeRow(SubjectType type, UUID subjectId, List<Entry> changes, String source, String method,
                 Instant assertedAt, String actor, String purpose, String reason, UUID importId) {

    record Entry(String e, String o, String n) {}
}
