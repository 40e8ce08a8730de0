package org.yiwang.basedata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The history of the base as system rules see it — e.g. a subscription filter deciding whether a change matters to
 * a department. Values returned here are for such decisions only and never reach a person or a department: those
 * read through {@link PersonalData}, which checks policy and audits.
 */
public interface ChangeLog {

    /** What the history entry {@code changeId} (see {@link SubjectChanged#changeId()}) changed, in clear. */
    List<ValueChange> changes(long changeId);

    /** The natural key of a subject, to read it through {@link PersonalData}; empty when it is not in the base. */
    Optional<SubjectRef> subject(UUID subjectId);
}
