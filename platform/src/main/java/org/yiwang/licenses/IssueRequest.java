package org.yiwang.licenses;

import java.util.LinkedHashMap;
import java.util.Map;
import org.yiwang.kernel.SubjectType;

/**
 * What to issue.
 *
 * @param typeCode   the license type
 * @param holderType kind of holder (must match the type's)
 * @param holderKey  citizen ID, credit code or house code of the holder
 * @param holderName name printed on the license
 * @param fields     field name → value; every field of the type that states a data element is validated by the catalog.
 *                   Every field of the type needs a value; a field stating the holder's name defaults to
 *                   {@code holderName}, and a replacement takes the fields it does not state from the license it replaces
 * @param replaces   id of the license this one replaces (a change: same serial, next version; the old one becomes
 *                   {@code SUPERSEDED}), or {@code null} for a new license
 * @param reason     why it is issued (e.g. the application part that was approved), kept with the license
 */
public record IssueRequest(String typeCode, SubjectType holderType, String holderKey, String holderName,
                           Map<String, String> fields, String replaces, String reason) {

    public IssueRequest {
        // a missing map or a field without value states nothing
        Map<String, String> given = new LinkedHashMap<>();
        if (fields != null) fields.forEach((k, v) -> {
            if (k != null && v != null) given.put(k, v);
        });
        fields = Map.copyOf(given);
    }
}
