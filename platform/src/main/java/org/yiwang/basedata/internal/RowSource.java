package org.yiwang.basedata.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
                default -> throw InvalidInputException.of("format", "file-format");
            };
        } catch (RuntimeException | IOException e) {
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw InvalidInputException.of("file", "file-format");
        }
    }

    /**
     * A CSV file in UTF-8 (with or without BOM) or, as Excel saves it on Chinese Windows, in GBK/GB18030: the
     * encoding is recognised from the first bytes, and a file in neither is refused (rule {@code encoding}).
     */
    final class Csv implements RowSource {
        private static final int SNIFF = 64 * 1024;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;

        Csv(InputStream in) throws IOException {
            BufferedInputStream bytes = new BufferedInputStream(BOMInputStream.builder().setInputStream(in).get(), SNIFF);
            CharsetDecoder decoder = encoding(bytes).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new InputStreamReader(bytes, decoder));
            records = parser.iterator();
            if (!hasNext()) throw InvalidInputException.of("file", "empty-file");
            header = next();
        }

        /** UTF-8 when the first bytes are valid UTF-8, else GB18030 (a superset of GBK) when they are valid GB18030. */
        static Charset encoding(BufferedInputStream bytes) throws IOException {
            bytes.mark(SNIFF);
            byte[] head = bytes.readNBytes(SNIFF);
            bytes.reset();
            boolean complete = head.length < SNIFF;
            if (decodes(StandardCharsets.UTF_8, head, complete)) return StandardCharsets.UTF_8;
            Charset gb = Charset.forName("GB18030");
            if (decodes(gb, head, complete)) return gb;
            throw InvalidInputException.of("file", "encoding");
        }

        private static boolean decodes(Charset charset, byte[] bytes, boolean complete) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length + 1), complete);
            if (result.isError()) return false;
            return !complete || !decoder.flush(CharBuffer.allocate(16)).isError();
        }

        @Override public List<String> header() { return header; }
        @Override public boolean hasNext() { return decoded(records::hasNext); }
        @Override public List<String> next() { return decoded(() -> records.next().toList()); }
        @Override public void close() throws IOException { parser.close(); }

        /** Bytes further on that are not in the file's encoding: refused like a file in an unknown one. */
        private static <T> T decoded(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) throw InvalidInputException.of("file", "encoding");
                throw e;
            }
        }
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
            if (!rows.hasNext()) throw InvalidInputException.of("file", "empty-file");
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
