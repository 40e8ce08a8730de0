package org.yiwang.services.internal.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ApplicationParts;
import org.yiwang.services.Part;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;
import org.yiwang.services.PartStatus;
import org.yiwang.services.PartStatusChanged;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * The one place a part changes status. On approval the item's result license is issued (a change replaces the
 * holder's current license of that type) and the facts the applicant declared for elements the department is
 * responsible for become the department's authoritative values.
 */
@Service
class PartWorkflow implements ApplicationParts {

    private final ApplicationStore store;
    private final PartValues values;
    private final ServiceCatalog services;
    private final Licenses licenses;
    private final ApplicantFacts facts;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;

    PartWorkflow(ApplicationStore store, PartValues values, ServiceCatalog services, Licenses licenses, ApplicantFacts facts,
                 Catalog catalog, ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
        this.store = store;
        this.values = values;
        this.services = services;
        this.licenses = licenses;
        this.facts = facts;
        this.catalog = catalog;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Part part(Actor actor, UUID partId) {
        ApplicationStore.PartRow row = store.part(partId, false).orElseThrow(PartWorkflow::noSuchPart);
        requireDepartment(actor, row);
        return view(row, application(row));
    }

    @Override
    @Transactional
    public Part decide(Actor actor, UUID partId, PartDecision decision) {
        ApplicationStore.PartRow row = store.part(partId, true).orElseThrow(PartWorkflow::noSuchPart);
        requireDepartment(actor, row);
        if (decision.action() == PartAction.RESUBMIT) {
            throw InvalidInputException.of("action", "applicant-only");
        }
        PartStatus next = next(row, decision.action());
        if ((decision.action() == PartAction.RETURN || decision.action() == PartAction.REJECT)
                && (decision.reason() == null || decision.reason().isBlank())) {
            throw InvalidInputException.of("reason", "reason-required");
        }
        List<String> questioned = List.of();
        if (decision.action() == PartAction.RETURN) {
            if (decision.questioned().isEmpty()) {
                throw InvalidInputException.of("questioned", "questioned-required");
            }
            for (String q : decision.questioned()) {
                if (!row.elements().contains(q)) {
                    throw InvalidInputException.of("questioned", "not-in-part", q);
                }
            }
            questioned = decision.questioned();
        }
        ApplicationStore.ApplicationRow application = application(row);
        String licenseId = row.licenseId();
        if (decision.action() == PartAction.APPROVE) {
            Map<String, String> partValues = values.open(row.valuesEnc());
            confirmDeclaredFacts(actor, row, application, partValues);
            licenseId = issueResult(actor, row, application, partValues, decision.licenseFields());
        }
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        ApplicationStore.PartRow updated = new ApplicationStore.PartRow(row.id(), row.applicationId(), row.itemCode(),
                row.itemName(), row.department(), row.purpose(), row.elements(), row.valuesEnc(), row.materials(),
                next, questioned, reason, licenseId, row.dueOn(), clock.instant());
        store.updatePart(updated);
        store.insertEvent(ApplicationStore.event(row.id(), row.status(), next, actor, reason));
        events.publishEvent(new PartStatusChanged(row.id(), row.applicationId(), row.itemCode(), row.department(),
                row.status(), next));
        return view(updated, application);
    }

    /**
     * An automatic rule declined to decide: the part stays with the department's officers, and its timeline says
     * why (in Chinese, the language of the record).
     */
    @Transactional
    public void leaveToOfficers(Actor actor, UUID partId, String noteKey, Object... args) {
        ApplicationStore.PartRow row = store.part(partId, true).orElseThrow(PartWorkflow::noSuchPart);
        requireDepartment(actor, row);
        store.insertEvent(ApplicationStore.event(row.id(), row.status(), row.status(), actor,
                messages.getMessage(noteKey, args, java.util.Locale.SIMPLIFIED_CHINESE)));
    }

    /** The applicant corrects exactly the questioned elements of a returned part and sends it back. */
    @Transactional
    public ApplicationStore.PartRow resubmit(Actor actor, ApplicationStore.ApplicationRow application, UUID partId,
                                             Map<String, String> corrected) {
        ApplicationStore.PartRow row = store.part(partId, true)
                .filter(p -> p.applicationId().equals(application.id())).orElseThrow(PartWorkflow::noSuchPart);
        PartStatus next = next(row, PartAction.RESUBMIT);
        List<InvalidInputException.Violation> errors = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>(values.open(row.valuesEnc()));
        List<Fact> declared = new ArrayList<>();
        corrected.keySet().stream().filter(k -> !row.questioned().contains(k)).forEach(k -> errors.add(
                InvalidInputException.Violation.of(k, "not-questioned", elementName(k))));
        for (String q : row.questioned()) {
            String raw = corrected.get(q);
            if (raw == null || raw.isBlank()) {
                errors.add(InvalidInputException.Violation.of(q, "correction-required", elementName(q)));
                continue;
            }
            try {
                String v = catalog.validate(q, raw);
                merged.put(q, v);
                declared.add(new Fact(q, v));
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        Attribution attribution = Attribution.of(null, Method.SELF_DECLARED, row.purpose(), "补正 " + application.reference());
        facts.write(actor, applicantRef(application), application.houseCode(), declared, attribution);
        ApplicationStore.PartRow updated = new ApplicationStore.PartRow(row.id(), row.applicationId(), row.itemCode(),
                row.itemName(), row.department(), row.purpose(), row.elements(), values.seal(merged), row.materials(),
                next, List.of(), null, row.licenseId(), row.dueOn(), clock.instant());
        store.updatePart(updated);
        store.insertEvent(ApplicationStore.event(row.id(), row.status(), next, actor, null));
        events.publishEvent(new PartStatusChanged(row.id(), row.applicationId(), row.itemCode(), row.department(),
                row.status(), next));
        events.publishEvent(new org.yiwang.services.PartSubmitted(row.id(), row.applicationId(), row.itemCode(),
                row.department(), true));
        if (services.requireItem(row.itemCode()).autoDecision() != null) {
            events.publishEvent(new AutoDecisionDue(row.id(), row.itemCode()));
        }
        return updated;
    }

    private static PartStatus next(ApplicationStore.PartRow row, PartAction action) {
        PartStatus next = row.status().after(action);
        if (next == null) {
            throw new InvalidInputException(List.of(InvalidInputException.Violation.of("action", "state",
                    row.status().name(), action.name())), 409);
        }
        return next;
    }

    private void confirmDeclaredFacts(Actor actor, ApplicationStore.PartRow row,
                                      ApplicationStore.ApplicationRow application, Map<String, String> partValues) {
        List<Fact> confirmed = application.typed().stream()
                .filter(e -> partValues.containsKey(e)
                        && catalog.responsibleDepartment(e).map(row.department()::equals).orElse(false))
                .map(e -> new Fact(e, partValues.get(e))).toList();
        facts.write(actor, applicantRef(application), application.houseCode(), confirmed, Attribution.of(
                row.department(), Method.AUTHORITATIVE, row.purpose(), "准予许可 " + application.reference()));
    }

    private String issueResult(Actor actor, ApplicationStore.PartRow row, ApplicationStore.ApplicationRow application,
                               Map<String, String> partValues, Map<String, String> given) {
        ServiceItem item = services.requireItem(row.itemCode());
        if (item.resultLicenseType() == null) return null;
        LicenseType type = licenses.type(item.resultLicenseType()).orElseThrow(() -> InvalidInputException.of(
                "resultLicenseType", "unknown-license-type", item.resultLicenseType()));
        SubjectType holderType = item.resultHolder() == null ? application.applicantType() : SubjectType.PERSON;
        String holderKey = item.resultHolder() == null ? values.openKey(application.applicantEnc())
                : partValues.get(item.resultHolder());
        // the holder's name sits beside their ID element, e.g. house.buyer_citizen_id → house.buyer_name
        String holderName = item.resultHolder() == null
                ? partValues.getOrDefault(holderType == SubjectType.PERSON ? "person.name" : "entity.name",
                        application.applicantName())
                : partValues.get(item.resultHolder().replace("_citizen_id", "_name"));
        // the license this one changes: of the same type and, for one that names a house, of the same house
        License current = licenses.heldBy(holderType, holderKey).stream()
                .filter(l -> l.typeCode().equals(type.code()))
                .filter(l -> l.fields().get("house_code") == null
                        || l.fields().get("house_code").equals(application.houseCode()))
                .findFirst().orElse(null);
        Map<String, String> fields = new LinkedHashMap<>();
        for (LicenseField f : type.fields()) {
            String v = given.get(f.name());
            if (v == null && f.element() != null) v = partValues.get(f.element());
            if (v == null && current != null) v = current.fields().get(f.name());
            // a license that names the house takes the application's house
            if (v == null && "house_code".equals(f.name())) v = application.houseCode();
            if (v != null && !v.isBlank()) fields.put(f.name(), v);
        }
        License issued = licenses.issue(actor, new IssueRequest(type.code(), holderType, holderKey, holderName, fields,
                current == null ? null : current.id(), application.reference() + " " + row.itemName()));
        return issued.id();
    }

    /** Fields of the item's result license that no data element supplies: the officer states them on approval. */
    List<LicenseField> fieldsToState(String itemCode) {
        ServiceItem item = services.requireItem(itemCode);
        if (item.resultLicenseType() == null) return List.of();
        return licenses.type(item.resultLicenseType()).map(t -> t.fields().stream()
                .filter(f -> f.element() == null && !"house_code".equals(f.name())).toList()).orElse(List.of());
    }

    private String elementName(String code) {
        return catalog.element(code).map(org.yiwang.catalog.DataElement::nameZh).orElse(code);
    }

    private ApplicationStore.ApplicationRow application(ApplicationStore.PartRow row) {
        return store.application(row.applicationId()).orElseThrow(PartWorkflow::noSuchPart);
    }

    SubjectRef applicantRef(ApplicationStore.ApplicationRow application) {
        return new SubjectRef(application.applicantType(), values.openKey(application.applicantEnc()));
    }

    Part view(ApplicationStore.PartRow row, ApplicationStore.ApplicationRow application) {
        return new Part(row.id(), row.applicationId(), application.reference(), row.itemCode(), row.itemName(),
                row.department(), row.purpose(), row.status(), application.applicantType(),
                values.openKey(application.applicantEnc()), application.applicantName(), application.houseCode(),
                row.elements(), values.open(row.valuesEnc()), values.materials(row.materials()), row.questioned(),
                row.reason(), row.dueOn(), row.licenseId(), row.updatedAt());
    }

    private static void requireDepartment(Actor actor, ApplicationStore.PartRow row) {
        if (actor.departmentCode() == null || !actor.departmentCode().equals(row.department())) {
            throw new AccessDeniedProblem("part", "OTHER_DEPARTMENT", "该办件不属于您的部门");
        }
    }

    private static NotFoundProblem noSuchPart() {
        return new NotFoundProblem("part", "没有该办件");
    }
}
