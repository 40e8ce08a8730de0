package org.yiwang.basedata;

import java.util.Map;
import java.util.UUID;
import org.yiwang.kernel.SubjectType;

/**
 * What a reader got: the allowed values (requested elements the subject has no value for are absent) and, for a
 * partial read, the requested elements that were refused with the reason code.
 */
public record SubjectView(SubjectType type, UUID id, String display, String divisionCode,
                          Map<String, ElementValue> values, Map<String, String> denied) {

    public String value(String element) {
        ElementValue v = values.get(element);
        return v == null ? null : v.value();
    }
}
