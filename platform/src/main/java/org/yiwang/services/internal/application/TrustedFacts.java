package org.yiwang.services.internal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;

/**
 * What an automatic decision may rely on: a value from the element's authoritative source, or one stated on a
 * valid electronic licence the applicant holds. A value the applicant declared himself (or one collected or
 * derived) is not: the part is left to an officer instead of being passed on the applicant's word.
 *
 * @param values    element → trusted value
 * @param untrusted elements on file only as declared, collected or derived values
 */
record TrustedFacts(Map<String, String> values, List<String> untrusted) {

    static TrustedFacts of(List<String> elements, Map<String, ElementValue> base, Map<String, String> licensed) {
        Map<String, String> trusted = new LinkedHashMap<>();
        List<String> untrusted = new ArrayList<>();
        for (String e : elements) {
            ElementValue v = base.get(e);
            if (v != null && !v.masked() && v.provenance() != null
                    && v.provenance().method() == Method.AUTHORITATIVE) {
                trusted.put(e, v.value());
            } else if (licensed.containsKey(e)) {
                trusted.put(e, licensed.get(e));
            } else if (v != null) {
                untrusted.add(e);
            }
        }
        return new TrustedFacts(trusted, untrusted);
    }
}
