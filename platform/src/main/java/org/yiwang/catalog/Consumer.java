package org.yiwang.catalog;

/**
 * Who wants to use a data element: a department, or the data subject themself (a resident reading their own
 * data, an enterprise's representative reading the enterprise's).
 */
public record Consumer(String departmentCode, boolean subjectThemself) {

    public static Consumer department(String code) {
        return new Consumer(code, false);
    }

    public static Consumer self() {
        return new Consumer(null, true);
    }
}
