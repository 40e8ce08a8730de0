package org.yiwang.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The lists' spreadsheets: a formula an administrator typed is exported as text and imported back unchanged. */
class ListWorkbookTest {

    @Test
    void anExportedFormulaIsTextInExcelAndReadsBackAsTyped() throws Exception {
        byte[] xlsx = ListWorkbook.write(SharingList.NEGATIVE, List.of("x"), e -> Map.of("element", "person.name",
                "elementName", "姓名", "reason", "=HYPERLINK(\"http://x\",\"点我\")", "legalBasis", "@SUM(A1)"));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("'@SUM(A1)");
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("person.name");
        }
        List<ListWorkbook.SheetRow> read = ListWorkbook.read(SharingList.NEGATIVE, new ByteArrayInputStream(xlsx));
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.cells().get("reason")).isEqualTo("=HYPERLINK(\"http://x\",\"点我\")");
            assertThat(r.cells().get("legalBasis")).isEqualTo("@SUM(A1)");
        });
    }
}
