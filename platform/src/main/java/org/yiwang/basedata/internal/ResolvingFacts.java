package org.yiwang.basedata.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.SubjectChanged;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.WriteResult;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.ViolationTexts;

@Service
class ResolvingFacts implements Facts {

    private final SubjectRepository subjects;
    private final SubjectAssembler assembler;
    private final SubjectMerger merger;
    private final FactValidator validator;
    private final SubjectAccess access;
    private final AttributionRules rules;
    private final Catalog catalog;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ViolationTexts texts;

    ResolvingFacts(SubjectRepository subjects, SubjectAssembler assembler, SubjectMerger merger, FactValidator validator, SubjectAccess access,
                   AttributionRules rules, Catalog catalog, Directory directory, AuditLog audit, ApplicationEventPublisher events,
                   ViolationTexts texts) {
        this.texts = texts;
        this.subjects = subjects;
        this.assembler = assembler;
        this.merger = merger;
        this.validator = validator;
        this.access = access;
        this.rules = rules;
        this.catalog = catalog;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    @Override
    @Transactional
    public WriteResult write(Actor actor, SubjectRef ref, List<Fact> facts, Attribution attribution) {
        SubjectKind kind = SubjectKind.of(ref);
        String key = kind.normaliseKey(catalog, ref.key());
        if (facts == null || facts.isEmpty()) throw InvalidInputException.of("facts", "not-empty");
        List<Fact> all = new ArrayList<>(facts);
        all.add(new Fact(kind.keyElement, key));
        Map<String, String> values = validator.validate(kind, all);
        SubjectRow existing = subjects.find(kind.type, assembler.keyIndex(key), true)
                .orElse(null);
        String division = existing != null && existing.divisionCode() != null ? existing.divisionCode()
                : values.get(kind.divisionElement);
        boolean self = access.isSelf(actor, kind, key, existing == null ? null : existing.refIdx());
        AuditEntry attempt = new AuditEntry(actor, AuditEntry.Action.WRITE, attribution.purpose(), kind.type,
                access.auditKey(kind, key), kind.display(key), List.copyOf(values.keySet()), false, null);
        var refusal = rules.refusal(actor, attribution, self);
        if (refusal.isPresent()) throw deny(attempt, refusal.get().reason(), refusal.get().field(), refusal.get().detail());
        // decided before anything is compared with what is stored: a refused writer learns nothing of the subject
        AttributionRules.Rights rights = rules.rights(actor, attribution, self, kind, values.keySet());
        if (!rights.refused().isEmpty()) {
            var noRight = rules.noWriteRight(rights.refused().iterator().next());
            throw deny(attempt, noRight.reason(), noRight.field(), noRight.detail());
        }
        if (!self && !directory.inScope(actor, division)) {
            throw deny(attempt, "OUT_OF_SCOPE", kind.divisionElement,
                    texts.text("problem.out-of-scope", null, "the subject is outside your data scope"));
        }
        SubjectMerger.Merged merged = merger.merge(kind, key, values, existing, attribution);
        SubjectRow row = merged.after();
        if (merged.created()) subjects.insert(row);
        else if (merged.changed()) subjects.update(row);
        merger.keepConflicts(merged);
        List<String> changed = merged.changedElements();
        List<String> conflicts = merged.conflictElements();
        if (merged.changed()) {
            long changeId = subjects.insertChange(new ChangeRow(kind.type, row.id(), merged.history(),
                    attribution.sourceDepartment(), attribution.method().name(), attribution.at(), actor.username(),
                    attribution.purpose(), attribution.reason(), null));
            events.publishEvent(new SubjectChanged(kind.type, row.id(), row.divisionCode(), changed, changeId,
                    attribution.sourceDepartment(), attribution.method()));
        }
        audit.record(new AuditEntry(actor, AuditEntry.Action.WRITE, attribution.purpose(), kind.type,
                access.auditKey(kind, key), kind.display(key), List.copyOf(values.keySet()), true,
                conflicts.isEmpty() ? "ACCEPTED" : "CONFLICT"));
        // whether a value the writer may not read matched the stored one stays unsaid
        return new WriteResult(row.id(), merged.created(),
                changed.stream().filter(e -> !rights.hidden().contains(e)).toList(),
                conflicts.stream().filter(e -> !rights.hidden().contains(e)).toList());
    }

    private AccessDeniedProblem deny(AuditEntry attempt, String reason, String field, String detail) {
        audit.recordDenial(new AuditEntry(attempt.actor(), attempt.action(), attempt.purpose(), attempt.subjectType(),
                attempt.subjectKey(), attempt.subjectDisplay(), attempt.elements(), false, reason));
        return new AccessDeniedProblem(field, reason, detail);
    }
}
