package org.yiwang.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CodeValue;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.MobileNumbers;
import org.yiwang.kernel.SubjectType;

/** The catalog for the other modules, answered from the in-memory snapshot. */
@Service
class CatalogService implements Catalog {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final CatalogSnapshots snapshots;
    private final java.util.Map<String, Pattern> formatRules = new java.util.concurrent.ConcurrentHashMap<>();
    private final PurposeStore purposeStore;

    CatalogService(CatalogSnapshots snapshots, PurposeStore purposeStore) {
        this.snapshots = snapshots;
        this.purposeStore = purposeStore;
    }

    @Override
    public Optional<DataElement> element(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshots.current().elements().get(code));
    }

    @Override
    public DataElement require(String code) {
        return element(code).orElseThrow(() -> InvalidInputException.of(String.valueOf(code), "unknown-element", String.valueOf(code)));
    }

    @Override
    public List<DataElement> elements(SubjectType subjectType) {
        return snapshots.current().elements().values().stream().filter(e -> e.subjectType() == subjectType).toList();
    }

    @Override
    public List<DataElement> elements() {
        return List.copyOf(snapshots.current().elements().values());
    }

    @Override
    public String validate(String elementCode, String value) {
        DataElement element = require(elementCode);
        String field = element.code();
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(List.of(Violation.keyed(field, "required", "catalog.problem.value-required")));
        }
        String normalised = switch (element.type()) {
            case STRING -> v;
            case INTEGER -> {
                if (!INTEGER.matcher(v).matches()) throw typeError(field, "integer");
                yield Long.toString(Long.parseLong(v));
            }
            case DECIMAL -> decimal(field, v);
            case DATE -> date(field, v);
            case CODE -> {
                var table = snapshots.current().codeTables().get(element.codeTable());
                if (table == null || !table.values().containsKey(v)) {
                    throw InvalidInputException.of(field, "code-table", element.codeTable(), v);
                }
                yield v;
            }
            case CITIZEN_ID -> CitizenId.parse(field, v).value();
            case CREDIT_CODE -> CreditCode.parse(field, v).value();
            case PHONE -> {
                String digits = v.replace(" ", "");
                if (MOBILE.matcher(digits).matches()) {
                    if (!MobileNumbers.isAssigned(digits)) throw InvalidInputException.of(field, "mobile-segment", digits.substring(0, 3));
                } else if (!LANDLINE.matcher(digits).matches()) {
                    throw InvalidInputException.of(field, "phone-format");
                }
                yield digits;
            }
            case DIVISION -> {
                try {
                    yield DivisionCode.of(v).value();
                } catch (InvalidInputException e) {
                    Violation broken = e.violations().get(0);
                    throw new InvalidInputException(List.of(
                            new Violation(field, "format", broken.detail(), broken.args(), broken.key())));
                }
            }
        };
        if (element.maxLength() > 0 && normalised.codePointCount(0, normalised.length()) > element.maxLength()) {
            throw new InvalidInputException(List.of(Violation.keyed(field, "max-length", "catalog.problem.max-length",
                    element.maxLength())));
        }
        if (element.formatRule() != null && !element.formatRule().isBlank()
                && !formatRules.computeIfAbsent(element.formatRule(), Pattern::compile).matcher(normalised).matches()) {
            throw new InvalidInputException(List.of(Violation.keyed(field, "format", "catalog.problem.format-rule",
                    element.formatRule())));
        }
        return normalised;
    }

    private static String decimal(String field, String v) {
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.scale() < -6 || d.precision() > 30) throw typeError(field, "decimal");
            return d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw typeError(field, "decimal");
        }
    }

    private static String date(String field, String v) {
        try {
            return LocalDate.parse(v, v.length() == 8 ? BASIC : ISO).toString();
        } catch (DateTimeParseException e) {
            throw typeError(field, "date");
        }
    }

    /** Rule {@code type}; the wording names the expected type ({@code catalog.problem.type-<expected>}). */
    private static InvalidInputException typeError(String field, String expected) {
        return new InvalidInputException(List.of(Violation.keyed(field, "type", "catalog.problem.type-" + expected)));
    }

    @Override
    public String codeLabel(String codeTable, String code) {
        var table = codeTable == null ? null : snapshots.current().codeTables().get(codeTable);
        CodeValue value = table == null || code == null ? null : table.values().get(code);
        return value == null ? code : value.labelZh();
    }

    @Override
    public List<CodeValue> codes(String codeTable) {
        var table = codeTable == null ? null : snapshots.current().codeTables().get(codeTable);
        return table == null ? List.of() : List.copyOf(table.values().values());
    }

    @Override
    public Optional<String> responsibleDepartment(String elementCode) {
        var entry = elementCode == null ? null : snapshots.current().responsibility().get(elementCode);
        return Optional.ofNullable(entry).map(ListEntries.Responsibility::department);
    }

    @Override
    public List<Purpose> purposes() {
        return List.copyOf(snapshots.current().purposes().values());
    }

    @Override
    public Optional<Purpose> purpose(String code) {
        if (code == null || code.indexOf('\0') >= 0) return Optional.empty();
        Purpose known = snapshots.current().purposes().get(code);
        // the snapshot is refreshed on commit: a purpose defined earlier in this transaction is found in the table
        return known != null ? Optional.of(known) : purposeStore.find(code);
    }

    @Override
    public Purpose definePurpose(String code, String nameZh, String nameEn) {
        return purposeStore.define(new Purpose(code, nameZh, nameEn), "system");
    }
}
