package org.yiwang.kernel;

/**
 * Cells of CSV/XLSX exports made safe from spreadsheet formula injection (CSV injection, OWASP): a cell that
 * starts with {@code = + - @}, a tab or a carriage return would be evaluated by Excel or WPS, so it is prefixed
 * with an apostrophe and shown as the text it is.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {}

    /** The text as a cell a spreadsheet shows but never evaluates; {@code null} stays {@code null}. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    /** {@link #safe(String)} for any cell value: text is made safe, numbers and dates are kept as they are. */
    public static Object safe(Object cell) {
        return cell instanceof CharSequence text ? safe(text.toString()) : cell;
    }
}
