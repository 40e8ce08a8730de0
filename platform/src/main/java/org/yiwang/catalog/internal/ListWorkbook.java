package org.yiwang.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.SpreadsheetCells;

/** Reads and writes a list as an .xlsx sheet: one header row, then one entry per row. */
final class ListWorkbook {

    static final int MAX_ROWS = 10_000;

    /** A data row as text cells by column key; {@code number} is the spreadsheet row number (header = 1). */
    record SheetRow(int number, Map<String, String> cells) {
        String get(String key) {
            return cells.getOrDefault(key, "");
        }
    }

    private ListWorkbook() {}

    static <T> byte[] write(SharingList list, List<T> entries, Function<T, Map<String, String>> cells) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(list.title);
            Row header = sheet.createRow(0);
            for (int c = 0; c < list.columns.size(); c++) {
                header.createCell(c).setCellValue(list.columns.get(c).header());
            }
            int r = 1;
            for (T entry : entries) {
                Map<String, String> values = cells.apply(entry);
                Row row = sheet.createRow(r++);
                for (int c = 0; c < list.columns.size(); c++) {
                    row.createCell(c).setCellValue(SpreadsheetCells.safe(values.getOrDefault(list.columns.get(c).key(), "")));
                }
            }
            for (int c = 0; c < list.columns.size(); c++) sheet.setColumnWidth(c, 24 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write workbook", e);
        }
    }

    /**
     * Reads the first sheet. A file that is not an .xlsx workbook, or whose header does not name the list's columns,
     * is refused with rule {@code file-format}; more than {@link #MAX_ROWS} rows with {@code max-rows}.
     */
    static List<SheetRow> read(SharingList list, InputStream in) {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null || header.getRowNum() != 0) throw fileFormat(list);
            for (int c = 0; c < list.columns.size(); c++) {
                Cell cell = header.getCell(c);
                String text = cell == null ? "" : formatter.formatCellValue(cell).strip();
                SharingList.Column column = list.columns.get(c);
                if (!text.equals(column.header()) && !text.equals(column.key()) && !text.equals(column.label())) {
                    throw fileFormat(list);
                }
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new InvalidInputException(List.of(Violation.keyed("file", "max-rows", "catalog.problem.max-rows", MAX_ROWS)));
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) continue;
                Map<String, String> cells = new LinkedHashMap<>();
                for (int c = 0; c < list.columns.size(); c++) {
                    Cell cell = row.getCell(c);
                    cells.put(list.columns.get(c).key(), cell == null ? "" : unsafe(formatter.formatCellValue(cell).strip()));
                }
                if (cells.values().stream().allMatch(String::isEmpty)) continue;
                rows.add(new SheetRow(r + 1, cells));
            }
            return rows;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // not a zip, not OOXML, an old .xls, truncated, or a zip bomb: POI says so with various exceptions
            throw new InvalidInputException(List.of(Violation.keyed("file", "file-format", "catalog.problem.not-xlsx")));
        }
    }

    /** An exported cell read back: the apostrophe {@link SpreadsheetCells#safe} put before a formula sign goes. */
    static String unsafe(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && SpreadsheetCells.safe(cell.substring(1)).equals(cell)
                ? cell.substring(1) : cell;
    }

    private static InvalidInputException fileFormat(SharingList list) {
        return new InvalidInputException(List.of(Violation.keyed("file", "file-format", "catalog.problem.header",
                String.join(" | ", list.columns.stream().map(SharingList.Column::header).toList()))));
    }
}
