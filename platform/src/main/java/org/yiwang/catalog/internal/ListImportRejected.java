package org.yiwang.catalog.internal;

import java.util.List;

/** A list import refused as a whole: every bad cell, by spreadsheet row number and column. Nothing was written. */
class ListImportRejected extends RuntimeException {

    record RowError(int row, String column, String field, String rule, String detail) {}

    private final List<RowError> errors;

    ListImportRejected(List<RowError> errors) {
        super(errors.size() + " rows rejected");
        this.errors = List.copyOf(errors);
    }

    List<RowError> errors() {
        return errors;
    }
}
