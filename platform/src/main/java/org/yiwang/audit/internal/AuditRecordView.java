package org.yiwang.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An audit record as the data administrator's search shows it; the subject only masked. Beside each code its name
 * in the reader's language: {@code purposeName}, {@code elementNames} (in the order of {@code elements}),
 * {@code reasonName} (本人查询, 部分拒绝, 负面清单 …), {@code departmentName}.
 */
public record AuditRecordView(long id, OffsetDateTime recordedAt, String actorUsername, String actorRole,
                              String departmentCode, String departmentName, String purpose, String purposeName,
                              String action, String subjectType, String subjectKey, String subjectDisplay,
                              List<String> elements, List<String> elementNames, boolean allowed, String reason,
                              String reasonName, Long chainSeq) {}
