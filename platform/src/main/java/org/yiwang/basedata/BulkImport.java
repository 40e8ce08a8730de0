package org.yiwang.basedata;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;

/**
 * Bulk import of subjects from CSV (UTF-8, comma, header row) or XLSX (first sheet, header row). The header names
 * data elements by code (e.g. {@code person.citizen_id}) or by Chinese name; the subject's key column is
 * required. Valid rows are imported, invalid rows reported — never a half-written row.
 */
public interface BulkImport {

    /**
     * Imports synchronously.
     *
     * @param format {@code csv} or {@code xlsx}
     * @throws InvalidInputException for a malformed file (rule {@code file-format}), unknown columns
     *                               ({@code unknown-element}) or a missing key column ({@code key-column})
     */
    ImportReport importFile(Actor actor, SubjectType type, String format, InputStream in, Attribution attribution)
            throws IOException;

    /** The state of an import started by this or another node. */
    ImportReport report(UUID importId);
}
