package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged;
import org.yiwang.catalog.DataElement;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/** Creates and updates data elements (数据元). Elements are never deleted: stored values and lists refer to them. */
@Service
class ElementStore {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    private final JdbcClient jdbc;
    private final CatalogSnapshots snapshots;
    private final CatalogChanges changes;
    private final ViolationTexts texts;

    ElementStore(JdbcClient jdbc, CatalogSnapshots snapshots, CatalogChanges changes, ViolationTexts texts) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
        this.changes = changes;
        this.texts = texts;
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
        if (added == 0) throw Checks.duplicate("code", "catalog.problem.duplicate", e.code());
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
        if (updated == 0) {
            throw new NotFoundProblem("code",
                    texts.text("catalog.problem.no-such-element", new Object[] {code}, "no such data element: " + code));
        }
        changes.changed(CatalogChanged.Part.ELEMENT, CatalogChanged.Change.UPDATED, code, actor);
        return e;
    }

    private DataElement checked(ElementForm f, String code) {
        List<Violation> violations = new ArrayList<>();
        Checks.required(violations, "code", code);
        if (!Checks.blank(code) && (!CODE.matcher(code).matches() || code.length() > 64)) {
            violations.add(Violation.keyed("code", "format", "catalog.problem.element-code-format"));
        }
        Checks.required(violations, "nameZh", f.nameZh());
        Checks.maxLength(violations, "nameZh", f.nameZh(), 200);
        Checks.maxLength(violations, "nameEn", f.nameEn(), 200);
        SubjectType subjectType = parse(violations, "subjectType", f.subjectType(), SubjectType.class);
        DataElement.ValueType type = parse(violations, "type", f.type(), DataElement.ValueType.class);
        String codeTable = Checks.blank(f.codeTable()) ? null : f.codeTable().strip();
        if (type == DataElement.ValueType.CODE && codeTable == null) {
            violations.add(Violation.keyed("codeTable", "required", "catalog.problem.code-table-required"));
        }
        if (codeTable != null && !snapshots.current().codeTables().containsKey(codeTable)) {
            violations.add(Violation.keyed("codeTable", "unknown-code-table", "catalog.problem.unknown-code-table", codeTable));
        }
        String formatRule = Checks.blank(f.formatRule()) ? null : f.formatRule().strip();
        if (formatRule != null) {
            try {
                Pattern.compile(formatRule);
            } catch (PatternSyntaxException e) {
                violations.add(Violation.keyed("formatRule", "format", "catalog.problem.format-rule-syntax"));
            }
        }
        int maxLength = f.maxLength() == null ? 0 : f.maxLength();
        if (maxLength < 0 || maxLength > 100_000) {
            violations.add(Violation.keyed("maxLength", "range", "catalog.problem.max-length-range", 0, 100_000));
        }
        int sensitivity = f.sensitivity() == null ? 0 : f.sensitivity();
        if (sensitivity < 1 || sensitivity > 4) {
            violations.add(Violation.keyed("sensitivity", "range", "catalog.problem.sensitivity-range", 1, 4));
        }
        Checks.throwIfAny(violations);
        String nameZh = f.nameZh().strip();
        return new DataElement(code, nameZh, Checks.blank(f.nameEn()) ? nameZh : f.nameEn().strip(), subjectType, type,
                formatRule, maxLength, type == DataElement.ValueType.CODE ? codeTable : null, sensitivity);
    }

    private static <E extends Enum<E>> E parse(List<Violation> violations, String field, String value, Class<E> type) {
        if (Checks.blank(value)) {
            violations.add(Violation.keyed(field, "required", "catalog.problem.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.keyed(field, "unknown-value", "catalog.problem.unknown-value",
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"))));
            return null;
        }
    }
}
