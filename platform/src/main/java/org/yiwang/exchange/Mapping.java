package org.yiwang.exchange;

import java.util.Map;
import java.util.TreeMap;

/**
 * How our data becomes a department system's own data. Saved as a new version each time.
 *
 * @param fields        data element → their field name; only mapped elements are sent
 * @param codes         data element → (our code → their code), e.g. {@code person.gender: {1: M, 2: F}}
 * @param formats       data element → their format: a date pattern ({@code yyyyMMdd}) for dates, a decimal pattern
 *                      ({@code 0.00}) for numbers
 * @param items         our service item code → their business code
 * @param statuses      their result status code → ours ({@code ACCEPTED}, {@code RETURNED}, {@code APPROVED},
 *                      {@code REJECTED}); our names are always understood
 * @param licenseFields their field → our license field, for license data sent with an approval; a target starting
 *                      with {@value #RECORD} (e.g. {@code record.number}, {@code record.valid_until}) is the
 *                      department's own record of its decision: kept with the result, not printed on the e-licence
 *                      (whose number and validity yiwang assigns)
 */
public record Mapping(Map<String, String> fields, Map<String, Map<String, String>> codes, Map<String, String> formats,
                      Map<String, String> items, Map<String, String> statuses, Map<String, String> licenseFields) {

    /** Prefix of a license-field target kept as the department's own record rather than put on the e-licence. */
    public static final String RECORD = "record.";
    /** The department's own last valid day: a date, checked on receipt. */
    public static final String RECORD_VALID_UNTIL = RECORD + "valid_until";

    public Mapping {
        fields = sorted(fields);
        codes = codes == null ? Map.of() : new TreeMap<>(codes);
        formats = sorted(formats);
        items = sorted(items);
        statuses = sorted(statuses);
        licenseFields = sorted(licenseFields);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
