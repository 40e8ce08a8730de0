package org.yiwang.services;

import java.util.List;
import java.util.Map;

/**
 * A decision on a part.
 *
 * @param action        what is done
 * @param reason        why (required for RETURN and REJECT)
 * @param questioned    for RETURN: the data elements the applicant must correct
 * @param licenseFields for APPROVE: values for license fields that no data element supplies (e.g. a permit's scope)
 */
public record PartDecision(PartAction action, String reason, List<String> questioned,
                           Map<String, String> licenseFields) {

    public PartDecision {
        questioned = questioned == null ? List.of() : List.copyOf(questioned);
        licenseFields = licenseFields == null ? Map.of() : Map.copyOf(licenseFields);
    }

    public static PartDecision of(PartAction action, String reason) {
        return new PartDecision(action, reason, List.of(), Map.of());
    }
}
