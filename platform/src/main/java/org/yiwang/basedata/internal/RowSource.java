package org.yiwang.basedata.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.yiwang.kernel.InvalidInputException;

/** The rows of an uploaded table (CSV or XLSX): a header, then records as lists of cell texts. */
interface RowSource extends Iterator<List<String>>, Closeable {

    List<String> header();

    static RowSource open(String format, InputStream in) throws IOException {
        try {
            return switch (format == null ? "" : format.toLowerCase()) {
                case "csv" -> new Csv(in);
                case "xlsx" -> new Xlsx(in);
                default -> throw new InvalidInputException("format", "file-format",
                        "仅支持CSV或XLSX文件 / only CSV and XLSX files are accepted");
            };
        } catch (RuntimeException | IOException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw new InvalidInputException("file", "file-format",
                    "文件无法解析为" + format + " / the file is not a readable " + format + " file");
        }
    }

    final class Csv implements RowSource {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;

        Csv(InputStream in) throws IOException {
            parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8));
            records = parser.iterator();
            if (!records.hasNext()) throw new InvalidInputException("file", "file-format", "文件为空 / the file is empty");
            header = records.next().toList();
        }

        @Override public List<String> header() { return header; }
        @Override public boolean hasNext() { return records.hasNext(); }
        @Override public List<String> next() { return records.next().toList(); }
        @Override public void close() throws IOException { parser.close(); }
    }

    final class Xlsx implements RowSource {
        private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
        private final Workbook workbook;
        private final Iterator<Row> rows;
        private final DataFormatter formatter = new DataFormatter();
        private final List<String> header;

        Xlsx(InputStream in) throws IOException {
            workbook = WorkbookFactory.create(in);
            Sheet sheet = workbook.getSheetAt(0);
            rows = sheet.iterator();
            if (!rows.hasNext()) throw new InvalidInputException("file", "file-format", "工作表为空 / the sheet is empty");
            header = cells(rows.next(), -1);
        }

        @Override public List<String> header() { return header; }
        @Override public boolean hasNext() { return rows.hasNext(); }
        @Override public List<String> next() { return cells(rows.next(), header.size()); }
        @Override public void close() throws IOException { workbook.close(); }

        private List<String> cells(Row row, int width) {
            int n = width < 0 ? Math.max(row.getLastCellNum(), 0) : width;
            List<String> cells = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Cell cell = row.getCell(i);
                if (cell == null) cells.add("");
                else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                    cells.add(cell.getLocalDateTimeCellValue().toLocalDate().format(ISO));
                } else cells.add(formatter.formatCellValue(cell).strip());
            }
            return cells;
        }
    }
}
