package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void aCellThatWouldBeAFormulaIsShownAsText() {
        assertThat(SpreadsheetCells.safe("=HYPERLINK(\"http://x\",\"点我\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
        assertThat(SpreadsheetCells.safe("+1+1")).isEqualTo("'+1+1");
        assertThat(SpreadsheetCells.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetCells.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryCellsAreKeptAsTheyAre() {
        assertThat(SpreadsheetCells.safe("王小明")).isEqualTo("王小明");
        assertThat(SpreadsheetCells.safe("310104199003074214")).isEqualTo("310104199003074214");
        assertThat(SpreadsheetCells.safe("")).isEmpty();
        assertThat(SpreadsheetCells.safe((String) null)).isNull();
        assertThat(SpreadsheetCells.safe((Object) 42L)).isEqualTo(42L);
    }
}
