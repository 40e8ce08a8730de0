package org.yiwang.basedata;

import java.util.List;
import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/**
 * Current values of a subject changed. Carries no values — consumers (subscriptions, exchange) read them through
 * {@link PersonalData} so that every use stays policy-checked and audited.
 *
 * @param changeId the history entry that holds the old and new values
 * @param source   the department that supplied the change, {@code null} for the subject themself
 */
public record SubjectChanged(SubjectType type, UUID subjectId, String divisionCode, List<String> elements,
                             long changeId, String source, Method method) {}
