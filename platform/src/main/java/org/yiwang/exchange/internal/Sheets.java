package org.yiwang.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Rows with a header line as CSV (UTF-8 with BOM, so Excel shows Chinese) or XLSX — for file-drop connectors. */
final class Sheets {

    private static final char BOM = '\uFEFF';

    private Sheets() {}

    static void write(Path file, List<Map<String, String>> rows) throws IOException {
        List<String> header = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
        if (file.toString().endsWith(".xlsx")) {
            try (Workbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = book.createSheet("data");
                Row head = sheet.createRow(0);
                for (int i = 0; i < header.size(); i++) head.createCell(i).setCellValue(header.get(i));
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    for (int i = 0; i < header.size(); i++) {
                        String value = rows.get(r).get(header.get(i));
                        row.createCell(i).setCellValue(value == null ? "" : value);
                    }
                }
                book.write(out);
            }
            return;
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(BOM);
            try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
                for (Map<String, String> row : rows) csv.printRecord(header.stream().map(row::get).toList());
            }
        }
    }

    static List<Map<String, String>> read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (file.toString().endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(file); Workbook book = new XSSFWorkbook(in)) {
                Sheet sheet = book.getSheetAt(0);
                DataFormatter format = new DataFormatter();
                Row head = sheet.getRow(0);
                if (head == null) return rows;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) continue;
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < head.getLastCellNum(); i++) {
                        values.put(format.formatCellValue(head.getCell(i)).trim(), format.formatCellValue(row.getCell(i)));
                    }
                    rows.add(values);
                }
            }
            return rows;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != BOM) in.reset();
            CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                    .parse(in);
            for (CSVRecord record : parser) rows.add(new LinkedHashMap<>(record.toMap()));
        }
        return rows;
    }
}
