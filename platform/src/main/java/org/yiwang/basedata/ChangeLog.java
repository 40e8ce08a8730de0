package org.yiwang.basedata;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The history of the base as system rules use it — e.g. a subscription deciding whether a change matters to a
 * department. It answers questions about values without handing them out: values reach a department only through
 * {@link PersonalData}, which checks policy and audits.
 */
public interface ChangeLog {

    /** Which of the conditions the history entry {@code changeId} (see {@link SubjectChanged#changeId()}) meets. */
    Set<ChangeCondition> met(long changeId, Collection<ChangeCondition> conditions);

    /** The natural key of a subject, to read it through {@link PersonalData}; empty when it is not in the base. */
    Optional<SubjectRef> subject(UUID subjectId);
}
