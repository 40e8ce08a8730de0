package org.yiwang.basedata;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of a write.
 *
 * @param subjectId the subject written to
 * @param created   whether the subject was new
 * @param changed   elements whose current value changed
 * @param conflicts elements whose offered value lost to a value of higher authority (kept as open conflicts)
 */
public record WriteResult(UUID subjectId, boolean created, List<String> changed, List<String> conflicts) {}
