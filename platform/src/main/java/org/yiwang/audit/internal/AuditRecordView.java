package org.yiwang.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** An audit record as the data administrator's search shows it; the subject only masked. */
public record AuditRecordView(long id, OffsetDateTime recordedAt, String actorUsername, String actorRole,
                              String departmentCode, String departmentName, String purpose, String action,
                              String subjectType, String subjectKey, String subjectDisplay, List<String> elements,
                              boolean allowed, String reason, Long chainSeq) {}
