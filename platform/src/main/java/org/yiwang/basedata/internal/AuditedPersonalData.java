package org.yiwang.basedata.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.basedata.Dossier;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.Provenance;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.basedata.internal.AuthorityResolver.Current;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.SharingDecision;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.kernel.NotFoundProblem;

/**
 * The one read path: sharing decision per element, data scope, masking, audit. A read and its audit record
 * commit together; a refused read is audited in a transaction of its own and answered with the reason.
 */
@Service
class AuditedPersonalData implements PersonalData {

    /** The most elements one read may ask for: more than any subject type has, few enough to audit one by one. */
    static final int MAX_ELEMENTS = 100;
    /** The purpose of a resident's or enterprise's look at their own data when they name none. */
    static final String SELF_SERVICE = "SELF_SERVICE";

    private final SubjectRepository subjects;
    private final SubjectAssembler assembler;
    private final SubjectAccess access;
    private final ValueCodec codec;
    private final Catalog catalog;
    private final SharingPolicy policy;
    private final Directory directory;
    private final AuditLog audit;
    private final ViolationTexts texts;

    AuditedPersonalData(SubjectRepository subjects, SubjectAssembler assembler, SubjectAccess access, ValueCodec codec,
                        Catalog catalog, SharingPolicy policy, Directory directory, AuditLog audit,
                        ViolationTexts texts) {
        this.texts = texts;
        this.subjects = subjects;
        this.assembler = assembler;
        this.access = access;
        this.codec = codec;
        this.catalog = catalog;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
    }

    /** An authorised read: the subject's row and the decision for every requested element. */
    private record Grant(SubjectRow row, boolean self, Map<String, SharingDecision> decisions, AuditEntry attempt) {

        List<String> allowed() {
            return decisions.entrySet().stream().filter(e -> e.getValue().allowed()).map(Map.Entry::getKey).toList();
        }

        Map<String, String> denied() {
            Map<String, String> denied = new LinkedHashMap<>();
            decisions.forEach((e, d) -> {
                if (!d.allowed()) denied.put(e, d.reason());
            });
            return denied;
        }
    }

    @Override
    @Transactional
    public SubjectView read(Actor actor, ReadRequest request) {
        return view(authorize(actor, request));
    }

    @Override
    @Transactional
    public Dossier dossier(Actor actor, SubjectRef subject, String purpose) {
        List<String> elements = catalog.elements(SubjectKind.of(subject).type).stream().map(DataElement::code).toList();
        Grant grant = authorize(actor, new ReadRequest(subject, elements, purpose, true));
        SubjectView current = view(grant);
        List<String> allowed = grant.allowed();
        List<Dossier.HistoryEntry> history = subjects.history(current.id(), 200).stream()
                .map(h -> new Dossier.HistoryEntry(h.assertedAt(), h.source(), Method.valueOf(h.method()), h.actor(),
                        h.purpose(), h.reason(), h.changes().stream()
                        .filter(c -> allowed.contains(c.e()))
                        .map(c -> new Dossier.ValueChange(c.e(), shown(grant, c.e(), c.o()), shown(grant, c.e(), c.n())))
                        .toList()))
                .filter(h -> !h.changes().isEmpty())
                .toList();
        List<Dossier.ConflictView> conflicts = subjects.openConflicts(current.id()).stream()
                .filter(c -> allowed.contains((String) c.get("element")))
                .map(c -> {
                    String e = (String) c.get("element");
                    return new Dossier.ConflictView(((Number) c.get("id")).longValue(), e,
                            shown(grant, e, (String) c.get("offered_value")),
                            provenance(c, "offered"), provenance(c, "current"));
                })
                .toList();
        return new Dossier(current, history, conflicts);
    }

    /** The allowed values, masked where policy says, and the audit records of the read. */
    private SubjectView view(Grant grant) {
        Map<String, Current> plain = assembler.plainValues(grant.row());
        Map<String, ElementValue> values = new LinkedHashMap<>();
        for (String element : grant.allowed()) {
            Current current = plain.get(element);
            if (current == null) continue;
            boolean mask = masked(grant, element);
            values.put(element, new ElementValue(element, mask ? codec.mask(element, current.value()) : current.value(),
                    mask, current.provenance()));
        }
        audit.record(withReason(grant.attempt(), grant.allowed(), true, grant.self() ? "SELF" : "ALLOWED"));
        recordUnderReferencedPerson(grant, plain);
        Map<String, String> denied = grant.denied();
        if (!denied.isEmpty()) {
            audit.record(withReason(grant.attempt(), List.copyOf(denied.keySet()), false, "PARTIAL_DENIAL"));
        }
        SubjectRow row = grant.row();
        return new SubjectView(row.type(), row.id(), row.keyDisplay(), row.divisionCode(), values, denied);
    }

    /** Checks purpose, existence, data scope and the sharing policy; a refusal is audited and thrown. */
    private Grant authorize(Actor actor, ReadRequest request) {
        SubjectKind kind = SubjectKind.of(request.subject());
        String key = kind.normaliseKey(catalog, request.subject().key());
        checkElements(request.elements());
        SubjectRow row = subjects.find(kind.type, assembler.keyIndex(key), false).orElse(null);
        boolean self = access.isSelf(actor, kind, key, row == null ? null : row.refIdx());
        String purpose = request.purpose() == null || request.purpose().isBlank()
                ? (self ? SELF_SERVICE : null) : request.purpose();
        if (purpose != null && catalog.purpose(purpose).isEmpty()) {
            throw InvalidInputException.of("purpose", "unknown-purpose");
        }
        AuditEntry attempt = new AuditEntry(actor, AuditEntry.Action.READ, purpose, kind.type,
                access.auditKey(kind, key), kind.display(key), request.elements(), false, null);
        if (purpose == null) {
            audit.recordDenial(withReason(attempt, request.elements(), false, "NO_PURPOSE"));
            throw InvalidInputException.of("purpose", "purpose-required");
        }
        Consumer consumer = self ? Consumer.self() : Consumer.department(actor.departmentCode());
        Map<String, SharingDecision> decisions = new LinkedHashMap<>();
        request.elements().forEach(e -> decisions.put(e, policy.decide(consumer, e, purpose)));
        Grant grant = new Grant(row, self, decisions, attempt);
        // whoever may not know whether the subject exists gets the answer they would get if it did
        if (row == null && !self && actor.scopeDivision() != null) throw outOfScope(attempt, request);
        if (row == null && (self || !refused(grant, request))) {
            audit.recordDenial(withReason(attempt, request.elements(), false, "NOT_FOUND"));
            throw new NotFoundProblem("subject", texts.text("problem.subject-not-found", null, "no such subject"));
        }
        if (!self && !directory.inScope(actor, row == null ? null : row.divisionCode())) {
            throw outOfScope(attempt, request);
        }
        if (refused(grant, request)) {
            Map.Entry<String, String> first = grant.denied().entrySet().iterator().next();
            audit.recordDenial(withReason(attempt, request.elements(), false, first.getValue()));
            throw new AccessDeniedProblem(first.getKey(), first.getValue(), decisions.get(first.getKey()).detail());
        }
        return grant;
    }

    private static boolean refused(Grant grant, ReadRequest request) {
        return grant.allowed().isEmpty() || (!request.partial() && !grant.denied().isEmpty());
    }

    private AccessDeniedProblem outOfScope(AuditEntry attempt, ReadRequest request) {
        audit.recordDenial(withReason(attempt, request.elements(), false, "OUT_OF_SCOPE"));
        return new AccessDeniedProblem("subject", "OUT_OF_SCOPE",
                texts.text("problem.out-of-scope", null, "the subject is outside your data scope"));
    }

    /** A bad list of elements is a mistake of the caller, refused before anything is looked up or audited. */
    private void checkElements(List<String> elements) {
        if (elements.isEmpty()) throw InvalidInputException.of("elements", "not-empty");
        if (elements.size() > MAX_ELEMENTS) throw InvalidInputException.of("elements", "max-elements", MAX_ELEMENTS);
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String e = elements.get(i);
            if (e == null) violations.add(Violation.of("elements[" + i + "]", "null-element"));
            else if (!seen.add(e)) violations.add(Violation.of("elements[" + i + "]", "duplicate-element", Text.printable(e)));
            else if (catalog.element(e).isEmpty()) {
                violations.add(Violation.of("elements[" + i + "]", "unknown-element", Text.printable(e)));
            }
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
    }

    /** A read of a house owner's or legal representative's ID is a use of that person's data: list it for them too. */
    private void recordUnderReferencedPerson(Grant grant, Map<String, Current> plain) {
        SubjectKind kind = SubjectKind.of(grant.row().type());
        Current referenced = kind.personRefElement == null ? null : plain.get(kind.personRefElement);
        if (referenced == null || !grant.allowed().contains(kind.personRefElement)) return;
        AuditEntry a = grant.attempt();
        audit.record(new AuditEntry(a.actor(), a.action(), a.purpose(), org.yiwang.kernel.SubjectType.PERSON,
                access.personKey(referenced.value()), org.yiwang.kernel.Masking.citizenId(referenced.value()),
                List.of(kind.personRefElement), true, "REFERENCED_BY_" + kind.type));
    }

    private boolean masked(Grant grant, String element) {
        return !grant.decisions().get(element).clear()
                && catalog.element(element).map(DataElement::sensitive).orElse(true);
    }

    private String shown(Grant grant, String element, String stored) {
        String plain = codec.reveal(element, stored);
        return masked(grant, element) ? codec.mask(element, plain) : plain;
    }

    private static Provenance provenance(Map<String, Object> row, String prefix) {
        return new Provenance((String) row.get(prefix + "_source"), Method.valueOf((String) row.get(prefix + "_method")),
                ((Timestamp) row.get(prefix + "_at")).toInstant());
    }

    private static AuditEntry withReason(AuditEntry attempt, List<String> elements, boolean allowed, String reason) {
        return new AuditEntry(attempt.actor(), attempt.action(), attempt.purpose(), attempt.subjectType(),
                attempt.subjectKey(), attempt.subjectDisplay(), elements, allowed, reason);
    }
}
