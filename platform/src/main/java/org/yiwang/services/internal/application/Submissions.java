package org.yiwang.services.internal.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import org.yiwang.licenses.Verification;
import org.yiwang.services.PartStatus;
import org.yiwang.services.PartSubmitted;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * Turns one submitted form into one application with one part per item: each part carries only its item's
 * elements, typed facts flow into the base as self-declared values, and each department's receipt of data is
 * audited — all in one transaction, or nothing.
 */
@Service
class Submissions {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final ServiceCatalog services;
    private final Applicants applicants;
    private final FormAssembler forms;
    private final Catalog catalog;
    private final Licenses licenses;
    private final ApplicantFacts facts;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final ApplicationStore store;
    private final PartValues partValues;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Submissions(ServiceCatalog services, Applicants applicants, FormAssembler forms, Catalog catalog,
                Licenses licenses, ApplicantFacts facts, PersonalData personalData, AuditLog audit, FieldCipher cipher, ApplicationStore store,
                PartValues partValues, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.services = services;
        this.applicants = applicants;
        this.forms = forms;
        this.catalog = catalog;
        this.licenses = licenses;
        this.facts = facts;
        this.personalData = personalData;
        this.audit = audit;
        this.cipher = cipher;
        this.store = store;
        this.partValues = partValues;
        this.events = events;
    }

    record Submitted(UUID id, String reference) {}

    /** The form for a target, prefilled for the applicant (an audited read). */
    ApplicationForm form(Actor actor, Target.Kind kind, String code, String applicantKey, String house) {
        Target target = Target.resolve(services, kind, code);
        return forms.assemble(actor, target, applicants.resolve(actor, target.applicantType(), applicantKey), house);
    }

    @Transactional
    Submitted submit(Actor actor, Submission s) {
        if (s.idempotencyKey() == null || !KEY.matcher(s.idempotencyKey()).matches()) {
            throw InvalidInputException.of("idempotencyKey", "idempotency-key");
        }
        Target target = Target.resolve(services, s.kind(), s.code());
        Applicant applicant = applicants.resolve(actor, target.applicantType(), s.applicantKey());
        byte[] fingerprint = fingerprint(applicant, s);
        store.findSubmission(actor.username(), s.idempotencyKey()).ifPresent(e -> {
            throw new ReplayedSubmission(e.id(), e.reference(), MessageDigest.isEqual(e.fingerprint(), fingerprint));
        });
        ApplicationForm form = forms.assemble(actor, target, applicant, s.house());
        refuseWhileInProgress(applicant, target, form.house());
        List<Violation> errors = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        Map<String, Change> changes = new LinkedHashMap<>();
        collectValues(form, s.values(), values, typed, changes, errors);
        Map<String, String> materialRefs = new HashMap<>();
        Map<String, Submission.Upload> uploads = collectMaterials(form, s, materialRefs, errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String reference = store.nextReference(now);
        String key = applicant.subject().key();
        String name = firstNonNull(values.get("person.name"), values.get("entity.name"), form.applicantName());
        int licensesUsed = (int) materialRefs.values().stream().filter(r -> r.startsWith("license:")).count();
        var row = new ApplicationStore.ApplicationRow(id, reference, target.kind(), target.code(), target.nameZh(),
                target.applicantType(), partValues.seal(key), name, form.house(), applicant.channel(),
                actor.username(), typed, form.prefilled().size(), uploads.size(), licensesUsed, now);
        if (!store.insertApplication(row, partValues.index(key), s.idempotencyKey(), fingerprint)) {
            var earlier = store.findSubmission(actor.username(), s.idempotencyKey()).orElseThrow();
            throw new ReplayedSubmission(earlier.id(), earlier.reference(), true);
        }
        if (applicant.channel() == Applicant.Channel.WINDOW) store.enteredAt(id, actor.departmentCode());
        writeDeclaredFacts(actor, applicant, form, values, typed, changes.keySet(), target, reference);
        uploads.forEach((slot, u) -> {
            UUID uploadId = UUID.randomUUID();
            store.insertUpload(uploadId, id, slot, u.fileName(), UploadCheck.contentType(u.content()),
                    sha256(u.content()), u.content());
            materialRefs.put(slot, "upload:" + uploadId);
        });
        LocalDate today = LocalDate.now(clock);
        List<AuditEntry> receipts = new ArrayList<>();
        for (ServiceItem item : target.items()) {
            Map<String, String> own = new LinkedHashMap<>();
            item.elements().forEach(e -> {
                if (values.containsKey(e.element())) own.put(e.element(), values.get(e.element()));
            });
            Map<String, String> read = unmaskedFor(item, form, applicant.subject());
            own.putAll(read);
            List<String> partElements = new ArrayList<>(item.elements().stream()
                    .map(ServiceItem.ItemElement::element).toList());
            stateChanges(item, applicant.subject().type(), changes, read, own, partElements);
            Map<String, String> refs = new LinkedHashMap<>();
            item.materials().forEach(m -> {
                String ref = materialRefs.get(item.code() + "." + m.code());
                if (ref != null) refs.put(m.code(), ref);
            });
            UUID partId = UUID.randomUUID();
            store.insertPart(new ApplicationStore.PartRow(partId, id, item.code(), item.nameZh(), item.department(),
                    item.purpose(), partElements, partValues.seal(own), partValues.materials(refs), PartStatus.SUBMITTED, List.of(), null, null,
                    WorkingDays.after(today, item.promisedDays()), now));
            store.insertEvent(ApplicationStore.event(partId, null, PartStatus.SUBMITTED, actor,
                    applicant.channel() == Applicant.Channel.WINDOW ? "综合窗口代为提交" : null));
            receipts.addAll(receipts(item, applicant.subject(), form.house(), own.keySet()));
            events.publishEvent(new PartSubmitted(partId, id, item.code(), item.department(), false));
            if (item.autoDecision() != null) events.publishEvent(new AutoDecisionDue(partId, item.code()));
        }
        audit.recordAll(receipts);
        events.publishEvent(new ApplicationSubmitted(id));
        return new Submitted(id, reference);
    }

    /**
     * At the window the clerk sees sensitive values masked; the department receives them as its own demand-list
     * entry allows, read for it under the item's purpose (audited).
     */
    private Map<String, String> unmaskedFor(ServiceItem item, ApplicationForm form, SubjectRef applicant) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> masked = item.elements().stream().map(ServiceItem.ItemElement::element)
                .filter(e -> form.field(e) != null && form.field(e).masked()).toList();
        if (masked.isEmpty()) return out;
        Actor department = Actor.system(item.department());
        List<String> own = masked.stream().filter(e -> !ApplicantFacts.isHouse(e)).toList();
        List<String> ofHouse = masked.stream().filter(ApplicantFacts::isHouse).toList();
        if (!own.isEmpty()) readInto(out, department, applicant, own, item.purpose());
        if (!ofHouse.isEmpty()) readInto(out, department, SubjectRef.house(form.house()), ofHouse, item.purpose());
        return out;
    }

    private void readInto(Map<String, String> out, Actor actor, SubjectRef subject, List<String> elements,
                          String purpose) {
        personalData.read(actor, new ReadRequest(subject, elements, purpose, true)).values()
                .forEach((k, v) -> out.put(k, v.value()));
    }

    /** A value the application changes: as the base has it now, and as the applicant states it. */
    record Change(String element, String name, String before, String after) {}

    private void collectValues(ApplicationForm form, Map<String, String> offered, Map<String, String> values,
                               List<String> typed, Map<String, Change> changes, List<Violation> errors) {
        offered.keySet().stream().filter(code -> form.field(code) == null).forEach(code -> errors.add(
                Violation.of(code, "not-on-form")));
        for (ApplicationForm.Field field : form.fields()) {
            String raw = offered.get(field.code());
            boolean given = raw != null && !raw.isBlank();
            if (field.changes()) {
                changeValue(field, given ? raw : null, values, typed, changes, errors);
                continue;
            }
            if (given && !(field.value() != null && !field.masked() && field.value().equals(raw.strip()))) {
                if (field.locked()) {
                    errors.add(Violation.of(field.code(), "locked", field.element().nameZh()));
                    continue;
                }
                try {
                    values.put(field.code(), catalog.validate(field.code(), raw));
                    typed.add(field.code());
                } catch (InvalidInputException e) {
                    errors.addAll(e.violations());
                }
            } else if (field.value() != null) {
                values.put(field.code(), field.value());
            } else if (field.required()) {
                errors.add(Violation.of(field.code(), "required", field.element().nameZh()));
            }
        }
        List<ApplicationForm.Field> changing = form.changes();
        boolean invalid = errors.stream().anyMatch(e -> changing.stream().anyMatch(f -> f.code().equals(e.field())));
        if (!changing.isEmpty() && changes.isEmpty() && !invalid) {
            // a change that changes nothing: said beside every value it could have changed
            changing.forEach(f -> errors.add(Violation.of(f.code(), "unchanged", f.element().nameZh())));
        }
    }

    /**
     * The new value of what the target changes. Empty or equal to the current value: no change (the current value
     * still goes to the departments). A masked current value cannot be compared: what is typed is the new value.
     */
    private void changeValue(ApplicationForm.Field field, String raw, Map<String, String> values, List<String> typed,
                             Map<String, Change> changes, List<Violation> errors) {
        String current = field.value();
        if (raw != null) {
            try {
                String next = catalog.validate(field.code(), raw);
                if (field.masked() || !next.equals(current)) {
                    values.put(field.code(), next);
                    typed.add(field.code());
                    changes.put(field.code(), new Change(field.code(), field.element().nameZh(), current, next));
                    return;
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
                return;
            }
        }
        if (current != null) values.put(field.code(), current);
    }

    /**
     * The part of an item that changes values states the change, so its officer and its system read 变更事项 /
     * 变更前 / 变更后 without comparing anything: the applicant's own statement elements of the catalog.
     */
    private void stateChanges(ServiceItem item, SubjectType applicantType, Map<String, Change> changes,
                              Map<String, String> read, Map<String, String> own, List<String> partElements) {
        List<Change> mine = item.elements().stream().map(e -> changes.get(e.element()))
                .filter(java.util.Objects::nonNull).toList();
        if (mine.isEmpty()) return;
        mine.forEach(c -> own.put(c.element(), c.after()));
        String prefix = applicantType == SubjectType.PERSON ? "person." : "entity.";
        String items = prefix + "change_items";
        String before = prefix + "change_before";
        String after = prefix + "change_after";
        if (catalog.element(items).isEmpty() || catalog.element(before).isEmpty() || catalog.element(after).isEmpty()) {
            return;
        }
        own.put(items, String.join("、", mine.stream().map(Change::name).toList()));
        own.put(before, String.join("；", mine.stream().map(c -> c.name() + "："
                + stated(c.element(), read.getOrDefault(c.element(), c.before()))).toList()));
        own.put(after, String.join("；", mine.stream().map(c -> c.name() + "：" + stated(c.element(), c.after()))
                .toList()));
        partElements.addAll(List.of(items, before, after));
    }

    /**
     * A value as the statement of a change says it: sensitive values (level 3 and up) masked, since the statement is
     * plain text beside the element itself, which carries the value as the department is entitled to it.
     */
    private String stated(String element, String value) {
        if (value == null) return "";
        var e = catalog.require(element);
        if (e.sensitivity() < 3) return value;
        return switch (e.type()) {
            case CITIZEN_ID -> Masking.citizenId(value);
            case PHONE -> Masking.phone(value);
            default -> Masking.generic(value);
        };
    }

    private Map<String, Submission.Upload> collectMaterials(ApplicationForm form, Submission s,
                                                           Map<String, String> refs, List<Violation> errors) {
        Map<String, Submission.Upload> uploads = new LinkedHashMap<>();
        s.uploads().forEach(u -> uploads.put(u.material(), u));
        Set<String> known = new java.util.HashSet<>();
        for (ApplicationForm.MaterialSlot slot : form.materials()) {
            String field = "materials." + slot.key();
            known.add(slot.key());
            String offered = s.licenses().get(slot.key());
            Submission.Upload upload = uploads.get(slot.key());
            if (offered != null && !offered.isBlank()) {
                String problem = offeredLicense(offered.strip(), slot, form);
                if (problem != null) errors.add(Violation.of(field, problem, slot.material().nameZh()));
                else refs.put(slot.key(), "license:" + offered.strip());
            } else if (slot.license() != null) {
                if (upload != null) {
                    errors.add(Violation.of(field, "license-held", slot.material().nameZh()));
                }
                refs.put(slot.key(), "license:" + slot.license().id());
            } else if (upload == null && slot.material().required()) {
                errors.add(Violation.of(field, "material-required", slot.material().nameZh()));
            }
            if (upload != null && slot.license() == null) {
                UploadCheck.problem(field, upload.fileName(), upload.content()).ifPresent(errors::add);
            }
        }
        uploads.keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add(
                Violation.of("materials." + k, "material-not-on-form")));
        s.licenses().keySet().stream().filter(k -> !known.contains(k)).forEach(k -> errors.add(
                Violation.of("materials." + k, "material-not-on-form")));
        uploads.keySet().removeIf(k -> !known.contains(k) || refs.containsKey(k));
        return uploads;
    }

    /** Why an offered license cannot serve as the material, or {@code null} when it can. */
    private String offeredLicense(String id, ApplicationForm.MaterialSlot slot, ApplicationForm form) {
        if (!slot.material().electronic()) return "not-electronic";
        Verification v = licenses.verify(id);
        if (v.result() != Verification.Result.VALID) return "license-" + v.result().name().toLowerCase();
        License license = licenses.require(id);
        if (!license.typeCode().equals(slot.material().licenseType())) return "license-type";
        if (license.holderType() != form.applicant().type() || !license.holderKey().equals(form.applicant().key())) {
            return "license-holder";
        }
        return null;
    }

    /** One application at a time for an item: a second while the first is undecided is refused with a link to it. */
    private void refuseWhileInProgress(Applicant applicant, Target target, String house) {
        store.inProgress(partValues.index(applicant.subject().key()),
                        target.items().stream().map(ServiceItem::code).toList(), target.needsHouse() ? house : null)
                .ifPresent(p -> {
                    throw new ApplicationInProgress(p.id(), p.reference(), p.itemName());
                });
    }

    /**
     * Facts the applicant typed become self-declared values of the applicant (or of the house). A new value of what
     * the target changes is not written now: it becomes authoritative when the responsible department approves.
     */
    private void writeDeclaredFacts(Actor actor, Applicant applicant, ApplicationForm form, Map<String, String> values,
                                    List<String> typed, Set<String> changed, Target target, String reference) {
        facts.write(actor, applicant.subject(), form.house(), typed.stream().filter(c -> !changed.contains(c))
                        .map(c -> new Fact(c, values.get(c))).toList(),
                Attribution.of(null, Method.SELF_DECLARED, applicant.readPurpose(target), "办件 " + reference));
    }

    /** Each department's receipt of the applicant's data, filed where the applicant's usage list finds it. */
    private List<AuditEntry> receipts(ServiceItem item, SubjectRef applicant, String house, Set<String> elements) {
        Actor department = new Actor("一网通办", Role.DEPARTMENT_OFFICER, item.department(), null, null, Set.of());
        List<AuditEntry> entries = new ArrayList<>();
        List<String> own = elements.stream().filter(e -> !ApplicantFacts.isHouse(e)).toList();
        List<String> ofHouse = elements.stream().filter(ApplicantFacts::isHouse).toList();
        if (!own.isEmpty()) {
            boolean person = applicant.type() == SubjectType.PERSON;
            entries.add(new AuditEntry(department, AuditEntry.Action.READ, item.purpose(), applicant.type(),
                    person ? AuditEntry.personKey(cipher, new CitizenId(applicant.key())) : applicant.key(),
                    person ? Masking.citizenId(applicant.key()) : applicant.key(), own, true, "APPLICATION"));
        }
        if (!ofHouse.isEmpty()) {
            entries.add(new AuditEntry(department, AuditEntry.Action.READ, item.purpose(), SubjectType.HOUSE, house,
                    house, ofHouse, true, "APPLICATION"));
        }
        return entries;
    }

    private static byte[] fingerprint(Applicant applicant, Submission s) {
        StringBuilder b = new StringBuilder().append(s.kind()).append('|').append(s.code()).append('|')
                .append(applicant.subject().key()).append('|').append(s.house()).append('|')
                .append(new TreeMap<>(s.values())).append('|').append(new TreeMap<>(s.licenses()));
        s.uploads().forEach(u -> b.append('|').append(u.material()).append(':').append(sha256(u.content())));
        return digest(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest(content == null ? new byte[0] : content));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
