package org.yiwang.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/**
 * One department's part of an application, as that department sees it: only the elements its item needs.
 *
 * @param values      element → value, read for the department through the policy-checked, audited read path
 *                    (base values) or as the applicant typed them
 * @param materials   material code → {@code license:<id>} (an electronic license satisfied it) or {@code upload:<id>}
 * @param questioned  for a returned part, the elements the applicant must correct
 * @param houseCode   the house the application concerns, or {@code null}
 */
public record Part(UUID id, UUID applicationId, String reference, String itemCode, String itemName,
                   String department, String purpose, PartStatus status, SubjectType applicantType,
                   String applicantKey, String applicantName, String houseCode, List<String> elements,
                   Map<String, String> values, Map<String, String> materials, List<String> questioned, String reason,
                   LocalDate dueOn, String licenseId, Instant updatedAt) {}
