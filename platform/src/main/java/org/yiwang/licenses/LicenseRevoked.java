package org.yiwang.licenses;

import org.yiwang.kernel.SubjectType;

/** Published in the revoking transaction; carries no personal values. */
public record LicenseRevoked(String licenseId, String typeCode, SubjectType holderType, String issuingDepartment) {}
