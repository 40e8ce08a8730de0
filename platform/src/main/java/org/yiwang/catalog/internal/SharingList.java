package org.yiwang.catalog.internal;

import java.util.Arrays;
import java.util.List;
import org.yiwang.catalog.CatalogChanged;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;

/** The three lists (三清单) and their spreadsheet columns; name columns are for people and ignored on import. */
enum SharingList {

    RESPONSIBILITY("responsibility", "责任清单", CatalogChanged.Part.RESPONSIBILITY_LIST, List.of(
            new Column("element", "数据元编码", true), new Column("elementName", "数据元名称", false),
            new Column("department", "责任部门编码", true), new Column("legalBasis", "法律依据", true))),
    DEMAND("demand", "需求清单", CatalogChanged.Part.DEMAND_LIST, List.of(
            new Column("department", "需求部门编码", true), new Column("purpose", "用途编码", true),
            new Column("element", "数据元编码", true), new Column("elementName", "数据元名称", false),
            new Column("clear", "明文(是/否)", true), new Column("legalBasis", "法律依据", true))),
    NEGATIVE("negative", "负面清单", CatalogChanged.Part.NEGATIVE_LIST, List.of(
            new Column("element", "数据元编码", true), new Column("elementName", "数据元名称", false),
            new Column("reason", "不予共享理由", true), new Column("legalBasis", "法律依据", true)));

    /** A spreadsheet column; the header cell reads {@code <label> <key>}, e.g. {@code 数据元编码 element}. */
    record Column(String key, String label, boolean imported) {
        String header() {
            return label + " " + key;
        }
    }

    final String path;
    final String title;
    final CatalogChanged.Part part;
    final List<Column> columns;

    SharingList(String path, String title, CatalogChanged.Part part, List<Column> columns) {
        this.path = path;
        this.title = title;
        this.part = part;
        this.columns = columns;
    }

    static SharingList of(String path, ViolationTexts texts) {
        return Arrays.stream(values()).filter(l -> l.path.equals(path)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("list",
                        texts.text("catalog.problem.no-such-list", new Object[] {path}, "no such list: " + path)));
    }

    /** The spreadsheet column letter of a field, for row reports ("B"). */
    String letter(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) return String.valueOf((char) ('A' + i));
        }
        return null;
    }
}
