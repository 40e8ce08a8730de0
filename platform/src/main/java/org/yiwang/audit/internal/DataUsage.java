package org.yiwang.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One use of a resident's or enterprise's data, as they see it (我的数据使用记录): which department, in which
 * role, when, why, which elements, and whether it was allowed. The officer's login name is left out — like
 * Estonia's Data Tracker, the citizen sees the institution; the data administrator sees the person. Codes come
 * with their names in the reader's language ({@code purposeName}, {@code elementNames}, {@code reasonName}).
 */
public record DataUsage(OffsetDateTime recordedAt, String departmentCode, String departmentName,
                        String departmentNameEn, String role, boolean self, String purpose, String purposeName,
                        String action, List<String> elements, List<String> elementNames, boolean allowed,
                        String reason, String reasonName) {}
