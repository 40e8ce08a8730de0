package org.yiwang.licenses;

import java.time.Period;
import java.util.List;
import org.yiwang.kernel.SubjectType;

/**
 * A kind of electronic license (证照类型), e.g. 公共场所卫生许可证.
 *
 * @param code              stable code, also the {type} part of the GB/T 36904 identifier (e.g. {@code PUBLIC_HYGIENE})
 * @param nameZh            Chinese name
 * @param nameEn            English name
 * @param issuingDepartment the department that issues and signs it
 * @param holderType        whether persons, legal entities or houses hold it
 * @param fields            what the license shows
 * @param validity          how long an issued license is valid; {@code null} for no expiry
 */
public record LicenseType(String code, String nameZh, String nameEn, String issuingDepartment,
                          SubjectType holderType, List<LicenseField> fields, Period validity) {

    public LicenseType {
        fields = List.copyOf(fields);
    }
}
