package org.yiwang.basedata.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.internal.AuthorityResolver.Current;
import org.yiwang.basedata.internal.AuthorityResolver.Outcome;

/** The shared step of every write: offered values against current ones, by authority, into the new row. */
@Component
class SubjectMerger {

    /** A subject before and after a write, and what the write changed or lost. */
    record Merged(SubjectRow before, SubjectRow after, Outcome outcome, List<ChangeRow.Entry> history) {

        boolean created() {
            return before == null;
        }

        boolean changed() {
            return !outcome.changes().isEmpty();
        }

        List<String> changedElements() {
            return outcome.changes().stream().map(AuthorityResolver.Change::element).distinct().toList();
        }

        List<String> conflictElements() {
            return outcome.conflicts().stream().map(AuthorityResolver.Conflict::element).toList();
        }
    }

    private final SubjectAssembler assembler;
    private final AttributionRules rules;
    private final SubjectRepository subjects;

    SubjectMerger(SubjectAssembler assembler, AttributionRules rules, SubjectRepository subjects) {
        this.assembler = assembler;
        this.rules = rules;
        this.subjects = subjects;
    }

    /** @param values validated, normalised values (plain) offered under the attribution */
    Merged merge(SubjectKind kind, String key, Map<String, String> values, SubjectRow before, Attribution attribution) {
        Map<String, Current> offered = new LinkedHashMap<>();
        values.forEach((element, value) -> offered.put(element,
                new Current(value, rules.provenanceFor(element, attribution))));
        Outcome outcome = AuthorityResolver.merge(before == null ? Map.of() : assembler.plainValues(before), offered);
        UUID id = before == null ? UUID.randomUUID() : before.id();
        SubjectRow after = assembler.row(kind, id, key, outcome.values(), before == null ? 0 : before.version());
        return new Merged(before, after, outcome, assembler.storedChanges(outcome.changes(), before, after));
    }

    /** Keeps the values that lost as open conflicts for a data administrator. */
    void keepConflicts(Merged merged) {
        merged.outcome().conflicts().forEach(c -> subjects.insertConflict(merged.after().type(), merged.after().id(), c,
                assembler.stored(c.element(), c.offered())));
    }
}
