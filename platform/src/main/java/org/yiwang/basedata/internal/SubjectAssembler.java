package org.yiwang.basedata.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.internal.AuthorityResolver.Change;
import org.yiwang.basedata.internal.AuthorityResolver.Current;

/** Converts between plain current values and the stored row (encryption, blind indexes, promoted columns). */
@Component
class SubjectAssembler {

    private final ValueCodec codec;

    SubjectAssembler(ValueCodec codec) {
        this.codec = codec;
    }

    Map<String, Current> plainValues(SubjectRow row) {
        Map<String, Current> values = new LinkedHashMap<>();
        row.attrs().forEach((element, stored) ->
                values.put(element, new Current(codec.reveal(element, stored.v()), stored.provenance())));
        return values;
    }

    SubjectRow row(SubjectKind kind, UUID id, String key, Map<String, Current> values, long version) {
        Map<String, StoredValue> attrs = new LinkedHashMap<>();
        values.forEach((element, current) ->
                attrs.put(element, StoredValue.of(codec.store(element, current.value()), current.provenance())));
        String birthDate = value(values, "person.birth_date");
        return new SubjectRow(id, kind.type, codec.index(key), kind.display(key), value(values, kind.divisionElement),
                kind.gridElement == null ? null : value(values, kind.gridElement),
                kind == SubjectKind.PERSON && birthDate != null ? LocalDate.parse(birthDate) : null,
                kind == SubjectKind.PERSON ? value(values, "person.gender") : null,
                value(values, kind == SubjectKind.PERSON ? "person.status"
                        : kind == SubjectKind.LEGAL_ENTITY ? "entity.status" : "house.use"),
                indexOf(values, kind.phoneElement), indexOf(values, kind.personRefElement), attrs, version);
    }

    byte[] keyIndex(String key) {
        return codec.index(key);
    }

    String keyIndexHex(String key) {
        return codec.indexHex(key);
    }

    String stored(String element, String plain) {
        return codec.store(element, plain);
    }

    /** The history entries of a write, reusing the stored forms of the rows before and after (no re-encryption). */
    List<ChangeRow.Entry> storedChanges(List<Change> changes, SubjectRow before, SubjectRow after) {
        return changes.stream()
                .map(c -> new ChangeRow.Entry(c.element(), before == null || c.oldValue() == null ? null
                        : before.attrs().get(c.element()).v(), after.attrs().get(c.element()).v()))
                .toList();
    }

    private byte[] indexOf(Map<String, Current> values, String element) {
        String v = element == null ? null : value(values, element);
        return v == null ? null : codec.index(v);
    }

    private static String value(Map<String, Current> values, String element) {
        Current c = values.get(element);
        return c == null ? null : c.value();
    }
}
