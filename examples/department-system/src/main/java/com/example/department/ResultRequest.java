package com.example.department;

import java.util.List;
import java.util.Map;

/**
 * An officer's decision on an application part, to be sent to yiwang.
 *
 * @param status     ACCEPTED, RETURNED, APPROVED or REJECTED
 * @param reason     why (yiwang requires it for RETURNED and REJECTED; this system leaves that check to yiwang)
 * @param questioned for RETURNED: the fields (their names) the applicant must correct
 * @param license    for APPROVED: license data under their field names
 * @param resultId   optional: reuse an earlier result's id to replay it (yiwang must not act twice); new if absent
 */
public record ResultRequest(String status, String reason, List<String> questioned, Map<String, String> license,
        String resultId) {

    public ResultRequest {
        questioned = questioned == null ? List.of() : List.copyOf(questioned);
        license = license == null ? Map.of() : Map.copyOf(license);
    }
}
