package org.yiwang.catalog;

import java.util.List;
import java.util.Optional;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;

/** The data catalog as the other modules see it. */
public interface Catalog {

    Optional<DataElement> element(String code);

    /** The element, or an {@link InvalidInputException} (field = the code, rule {@code unknown-element}). */
    DataElement require(String code);

    List<DataElement> elements(SubjectType subjectType);

    /**
     * Validates and normalises a value for an element: type, format rule, length, code table membership.
     * Returns the normalised text (trimmed; dates ISO-8601; IDs upper-cased and upgraded to 18 digits).
     *
     * @throws InvalidInputException naming the element code as field and the broken rule
     *                               ({@code type}, {@code format}, {@code max-length}, {@code code-table},
     *                               {@code check-digit}, {@code birth-date}, {@code province},
     *                               {@code unknown-element}, {@code required} for a blank value)
     */
    String validate(String elementCode, String value);

    /** The label of a code in a code table (e.g. gender {@code 1} → 男), or the code itself when unknown. */
    String codeLabel(String codeTable, String code);

    /** The department responsible (authoritative source) for an element per the responsibility list. */
    Optional<String> responsibleDepartment(String elementCode);

    /** Every data element, ordered by subject type and code. */
    List<DataElement> elements();

    /** The values of a code table in their standard order; empty for an unknown table. */
    List<CodeValue> codes(String codeTable);

    List<Purpose> purposes();

    Optional<Purpose> purpose(String code);

    /**
     * Registers a purpose (e.g. a service item code) or renames an existing one, so that demand-list entries can
     * be granted for it. Idempotent.
     */
    Purpose definePurpose(String code, String nameZh, String nameEn);
}
