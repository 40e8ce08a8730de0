package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged;
import org.yiwang.catalog.DataElement;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;

/** Creates and updates data elements (数据元). Elements are never deleted: stored values and lists refer to them. */
@Service
class ElementStore {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final CatalogSnapshots snapshots;
    private final CatalogChanges changes;

    ElementStore(JdbcClient jdbc, CatalogSnapshots snapshots, CatalogChanges changes) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.changes = changes;
    }

    @Transactional
    public DataElement create(ElementForm form, String actor) {
        DataElement e = checked(form, Checks.trim(form.code()));
        int added = jdbc.sql("""
                INSERT INTO catalog_element (code, name_zh, name_en, subject_type, value_type, format_rule, max_length,
                                             code_table, sensitivity)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.code(), e.nameZh(), e.nameEn(), e.subjectType().name(), e.type().name(), e.formatRule(),
                        e.maxLength(), e.codeTable(), e.sensitivity())
                .update();
        if (added == 0) throw Checks.duplicate("code", e.code());
        changes.changed(CatalogChanged.Part.ELEMENT, CatalogChanged.Change.ADDED, e.code(), actor);
        return e;
    }

    @Transactional
    public DataElement update(String code, ElementForm form, String actor) {
        DataElement e = checked(form, code);
        int updated = jdbc.sql("""
                UPDATE catalog_element SET name_zh = ?, name_en = ?, subject_type = ?, value_type = ?, format_rule = ?,
                       max_length = ?, code_table = ?, sensitivity = ?
                 WHERE code = ?""")
                .params(e.nameZh(), e.nameEn(), e.subjectType().name(), e.type().name(), e.formatRule(), e.maxLength(),
                        e.codeTable(), e.sensitivity(), code)
                .update();
        if (updated == 0) throw new NotFoundProblem("code", "数据元不存在 / no such data element: " + code);
        changes.changed(CatalogChanged.Part.ELEMENT, CatalogChanged.Change.UPDATED, code, actor);
        return e;
    }

    private DataElement checked(ElementForm f, String code) {
        List<Violation> violations = new ArrayList<>();
        Checks.required(violations, "code", code);
        if (!Checks.blank(code) && (!CODE.matcher(code).matches() || code.length() > 64)) {
            violations.add(new Violation("code", "format", "编码形如 person.gender,最长64 / like person.gender, up to 64"));
        }
        Checks.required(violations, "nameZh", f.nameZh());
        Checks.maxLength(violations, "nameZh", f.nameZh(), 200);
        Checks.maxLength(violations, "nameEn", f.nameEn(), 200);
        SubjectType subjectType = parse(violations, "subjectType", f.subjectType(), SubjectType.class);
        DataElement.ValueType type = parse(violations, "type", f.type(), DataElement.ValueType.class);
        String codeTable = Checks.blank(f.codeTable()) ? null : f.codeTable().strip();
        if (type == DataElement.ValueType.CODE && codeTable == null) {
            violations.add(new Violation("codeTable", "required", "代码型数据元须指定代码表 / a CODE element needs a code table"));
        }
        if (codeTable != null && !snapshots.current().codeTables().containsKey(codeTable)) {
            violations.add(new Violation("codeTable", "unknown-code-table", "代码表不存在 / no such code table: " + codeTable));
        }
        String formatRule = Checks.blank(f.formatRule()) ? null : f.formatRule().strip();
        if (formatRule != null) {
            try {
                Pattern.compile(formatRule);
            } catch (PatternSyntaxException e) {
                violations.add(new Violation("formatRule", "format", "不是有效的正则表达式 / not a valid regular expression"));
            }
        }
        int maxLength = f.maxLength() == null ? 0 : f.maxLength();
        if (maxLength < 0 || maxLength > 100_000) {
            violations.add(new Violation("maxLength", "range", "应在0到100000之间 / must be 0 to 100000"));
        }
        int sensitivity = f.sensitivity() == null ? 0 : f.sensitivity();
        if (sensitivity < 1 || sensitivity > 4) {
            violations.add(new Violation("sensitivity", "range", "敏感级别为1到4 / sensitivity is 1 to 4"));
        }
        Checks.throwIfAny(violations);
        String nameZh = f.nameZh().strip();
        return new DataElement(code, nameZh, Checks.blank(f.nameEn()) ? nameZh : f.nameEn().strip(), subjectType, type,
                formatRule, maxLength, type == DataElement.ValueType.CODE ? codeTable : null, sensitivity);
    }

    private static <E extends Enum<E>> E parse(List<Violation> violations, String field, String value, Class<E> type) {
        if (Checks.blank(value)) {
            violations.add(new Violation(field, "required", "必填 / required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "unknown-value", "应为 / must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
