package org.yiwang.services.internal.application;

import java.util.List;
import java.util.Map;

/**
 * What an applicant sends.
 *
 * @param values         element → value for what the form asked them to type (prefilled values need not be sent)
 * @param licenses       material key ({@code item.material}) → id of an electronic license offered explicitly
 * @param uploads        files for materials no held license satisfies
 * @param idempotencyKey issued with the form; a second submission with it makes no second application
 */
record Submission(Target.Kind kind, String code, String applicantKey, String house, Map<String, String> values,
                  Map<String, String> licenses, List<Upload> uploads, String idempotencyKey) {

    Submission {
        values = values == null ? Map.of() : Map.copyOf(values);
        licenses = licenses == null ? Map.of() : Map.copyOf(licenses);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    record Upload(String material, String fileName, String contentType, byte[] content) {}
}
