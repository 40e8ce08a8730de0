package org.yiwang.exchange.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.exchange.Mapping;

/** Our values in a department's field names, codes and formats — and their field names back to ours. */
final class Translation {

    /** A value the mapping cannot express: no retry helps until the mapping is fixed. */
    static final class Untranslatable extends RuntimeException {
        Untranslatable(String message) {
            super(message);
        }
    }

    private final Mapping mapping;
    private final Catalog catalog;

    Translation(Mapping mapping, Catalog catalog) {
        this.mapping = mapping;
        this.catalog = catalog;
    }

    /** element → our value, to their field → their value; every element must be mapped and every code known. */
    Map<String, String> outbound(Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        values.forEach((element, value) -> {
            try {
                data.put(field(element), value == null ? null : value(element, value));
            } catch (Untranslatable e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) throw new Untranslatable(String.join("; ", problems));
        return data;
    }

    List<String> fields(List<String> elements) {
        return elements.stream().map(this::field).toList();
    }

    String field(String element) {
        String field = mapping.fields().get(element);
        if (field == null) throw new Untranslatable("element " + element + " has no field in the mapping");
        return field;
    }

    String item(String itemCode) {
        return mapping.items().getOrDefault(itemCode, itemCode);
    }

    /** Their field name back to our element, if the mapping names it. */
    Optional<String> element(String field) {
        return mapping.fields().entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey)
                .findFirst();
    }

    Optional<String> licenseField(String field) {
        return Optional.ofNullable(mapping.licenseFields().get(field));
    }

    /** Their status code as ours, if it is one. */
    Optional<String> status(String theirs) {
        return Optional.ofNullable(mapping.statuses().getOrDefault(theirs, theirs));
    }

    private String value(String element, String value) {
        Map<String, String> codes = mapping.codes().get(element);
        if (codes != null) {
            String theirs = codes.get(value);
            // the value itself stays out of the message: it is personal data
            if (theirs == null) throw new Untranslatable("a code of " + element + " has no mapping");
            return theirs;
        }
        String format = mapping.formats().get(element);
        if (format == null) return value;
        DataElement.ValueType type = catalog.element(element).map(DataElement::type).orElse(DataElement.ValueType.STRING);
        try {
            return switch (type) {
                case DATE -> LocalDate.parse(value).format(DateTimeFormatter.ofPattern(format));
                case INTEGER, DECIMAL -> new DecimalFormat(format).format(new BigDecimal(value));
                default -> value;
            };
        } catch (RuntimeException e) {
            throw new Untranslatable("value of " + element + " does not fit format " + format);
        }
    }
}
