package org.yiwang.licenses;

import org.yiwang.kernel.SubjectType;

/** Published in the issuing transaction; carries no personal values. */
public record LicenseIssued(String licenseId, String typeCode, SubjectType holderType, String issuingDepartment,
                            String replaces) {}
