package org.yiwang.basedata;

import java.util.List;
import java.util.UUID;

/**
 * How a bulk import went. Valid rows are imported, each row atomically; rejected rows are listed with the
 * reason and can be downloaded (with their original content) to fix and re-import.
 */
public record ImportReport(UUID importId, Status status, long total, long imported, long rejected,
                           List<RowProblem> problems) {

    public enum Status { RUNNING, DONE, FAILED }

    /** A rejected row: its line number in the file (header = 1), the column and the broken rule. */
    public record RowProblem(long row, String field, String rule, String detail) {}
}
