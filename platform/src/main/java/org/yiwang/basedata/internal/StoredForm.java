package org.yiwang.basedata.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jsonb forms of current values and history, kept compact because a city holds tens of millions of them:
 * a subject's values share few provenances, so each distinct provenance is stored once and values point at it.
 * <pre>
 * attrs:   {"p": [[source, method, at], ...], "v": {"person.name": ["张三", 0], ...}}
 * changes: {"person.name": [old, new], ...}
 * </pre>
 */
@Component
class StoredForm {

    private record Attrs(List<List<String>> p, Map<String, List<Object>> v) {}

    private static final TypeReference<Map<String, List<String>>> CHANGES = new TypeReference<>() {};

    private final JsonMapper json;

    StoredForm(JsonMapper json) {
        this.json = json;
    }

    String attrs(Map<String, StoredValue> values) {
        List<List<String>> provenances = new ArrayList<>();
        Map<List<String>, Integer> index = new HashMap<>();
        Map<String, List<Object>> v = new LinkedHashMap<>();
        values.forEach((element, stored) -> {
            List<String> provenance = java.util.Arrays.asList(stored.s(), stored.m(), stored.t());
            Integer i = index.computeIfAbsent(provenance, p -> {
                provenances.add(p);
                return provenances.size() - 1;
            });
            v.put(element, List.of(stored.v(), i));
        });
        return json.writeValueAsString(new Attrs(provenances, v));
    }

    Map<String, StoredValue> attrs(String stored) {
        Attrs attrs = json.readValue(stored, Attrs.class);
        Map<String, StoredValue> values = new LinkedHashMap<>();
        attrs.v().forEach((element, pair) -> {
            List<String> p = attrs.p().get(((Number) pair.get(1)).intValue());
            values.put(element, new StoredValue((String) pair.get(0), p.get(0), p.get(1), p.get(2)));
        });
        return values;
    }

    String changes(List<ChangeRow.Entry> entries) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        entries.forEach(e -> changes.put(e.e(), java.util.Arrays.asList(e.o(), e.n())));
        return json.writeValueAsString(changes);
    }

    List<ChangeRow.Entry> changes(String stored) {
        List<ChangeRow.Entry> entries = new ArrayList<>();
        json.readValue(stored, CHANGES).forEach((e, pair) -> entries.add(new ChangeRow.Entry(e, pair.get(0), pair.get(1))));
        return entries;
    }
}
