package org.yiwang.licenses;

import java.time.LocalDate;
import java.util.Map;
import org.yiwang.kernel.SubjectType;

/**
 * An issued electronic license.
 *
 * @param id                 GB/T 36904 identifier {@code 1.2.156.3005.2.{type}.{issuer}.{serial}.{version}.{check}}
 * @param typeCode           its {@link LicenseType}
 * @param holderType         kind of holder
 * @param holderKey          the holder's citizen ID, credit code or house code
 * @param holderName         the holder's name as printed
 * @param fields             field name → value, as shown on the license
 * @param issuingDepartment  who issued and signed it
 * @param issuedOn           date of issue
 * @param validUntil         last valid day, or {@code null}
 * @param status             current status
 */
public record License(String id, String typeCode, SubjectType holderType, String holderKey, String holderName,
                      Map<String, String> fields, String issuingDepartment, LocalDate issuedOn, LocalDate validUntil,
                      Status status) {

    public License {
        fields = Map.copyOf(fields);
    }

    public enum Status { VALID, REVOKED, SUPERSEDED, EXPIRED }
}
