package org.yiwang.basedata;

import java.util.List;

/**
 * A request to use personal data.
 *
 * @param subject  whose data
 * @param elements which data elements
 * @param purpose  why (a purpose or service item code); checked against the demand list and audited
 * @param partial  {@code true}: return what is allowed and list the refused elements; {@code false}: refuse the
 *                 whole read (403) when any element is refused
 */
public record ReadRequest(SubjectRef subject, List<String> elements, String purpose, boolean partial) {

    public ReadRequest {
        // kept as given (nulls and duplicates too): the read path refuses a bad list with a problem naming it
        elements = elements == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(elements));
    }
}
