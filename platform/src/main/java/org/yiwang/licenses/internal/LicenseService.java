package org.yiwang.licenses.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.licenses.IssueRequest;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.LicenseIssued;
import org.yiwang.licenses.LicenseRevoked;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Licenses;
import org.yiwang.licenses.Verification;
import org.yiwang.licenses.Verification.Result;

/**
 * Issues, signs, revokes and verifies licenses. Issuing feeds the facts a license states into the base through the
 * one write path, as the issuing department's authoritative values, in the same transaction.
 */
@Service
class LicenseService implements Licenses {

    /** The catalog purpose the writes into the base are audited under. */
    static final String PURPOSE = "LICENSE_ISSUE";
    /** Random bytes of a verification token: 128 bits, beyond guessing. */
    private static final int TOKEN_BYTES = 16;

    private static final Logger log = LoggerFactory.getLogger(LicenseService.class);
    private static final Set<String> NAME_ELEMENTS = Set.of("person.name", "entity.name");
    private static final int MAX_TEXT = 500;

    private final LicenseTypes types;
    private final LicenseStore store;
    private final SigningKeys keys;
    private final FieldCipher cipher;
    private final Catalog catalog;
    private final Facts facts;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    /** License dates are the issuing authority's calendar days: the city's clock. */
    private final Clock clock;
    private final ViolationTexts texts;
    private final SecureRandom random = new SecureRandom();

    LicenseService(LicenseTypes types, LicenseStore store, SigningKeys keys, FieldCipher cipher, Catalog catalog,
                   Facts facts, Directory directory, ApplicationEventPublisher events, Clock clock,
                   ViolationTexts texts) {
        this.types = types;
        this.store = store;
        this.keys = keys;
        this.cipher = cipher;
        this.catalog = catalog;
        this.facts = facts;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
        this.texts = texts;
    }

    @Override
    public List<LicenseType> types() {
        return types.all().stream().map(TypeDefinition::type).toList();
    }

    @Override
    public Optional<LicenseType> type(String code) {
        return types.find(code).map(TypeDefinition::type);
    }

    @Override
    @Transactional
    public License issue(Actor issuer, IssueRequest request) {
        return issue(issuer, request, today());
    }

    /** Issues as of a given day: the public method passes today; tests pass a day in the past. */
    @Transactional
    License issue(Actor issuer, IssueRequest request, LocalDate issuedOn) {
        TypeDefinition definition = types.find(request.typeCode()).orElseThrow(() -> new InvalidInputException(List.of(
                shared("typeCode", request.typeCode() == null ? "required" : "unknown-type"))));
        LicenseType type = definition.type();
        if (!isIssuer(issuer, type.issuingDepartment())) {
            throw new AccessDeniedProblem("typeCode", "NOT_ISSUER", text("licenses.problem.not-issuer"));
        }
        List<Violation> violations = new ArrayList<>();
        if (request.holderType() != null && request.holderType() != type.holderType()) {
            violations.add(shared("holderType", "holder-type", type.holderType().name()));
        }
        String holderKey = holderKey(type.holderType(), request.holderKey(), violations);
        String holderName = request.holderName() == null ? "" : request.holderName().strip();
        if (holderName.isEmpty()) violations.add(shared("holderName", "required"));
        else if (holderName.length() > 100) violations.add(shared("holderName", "max-length", 100));

        LicenseStore.Row replaced = null;
        Map<String, String> given = new LinkedHashMap<>();
        if (request.replaces() != null && !request.replaces().isBlank()) {
            replaced = replaceable(request.replaces(), type, holderKey, violations);
            if (replaced != null) given.putAll(replaced.fields());
        }
        given.putAll(request.fields());
        Map<String, String> fields = fields(definition, given, holderName, violations);
        String subjectKey = definition.subjectField() == null ? null : fields.get(definition.subjectField());
        if (replaced != null && subjectKey != null && !subjectKey.equals(replaced.fields().get(definition.subjectField()))) {
            // a change of one house's certificate cannot become another house's
            violations.add(Violation.of("replaces", "same-subject"));
        }
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        byte[] holderIdx = cipher.blindIndex(holderKey);
        byte[] holderSlot = definition.multiplePerHolder() ? null : holderIdx;
        List<String> superseded = outgoing(type, holderSlot, subjectKey, replaced, issuedOn);

        LicenseId id = replaced != null
                ? new LicenseId(definition.numberCode(), LicenseId.issuerToken(type.issuingDepartment()), replaced.serial(),
                        replaced.version()).next()
                : new LicenseId(definition.numberCode(), LicenseId.issuerToken(type.issuingDepartment()),
                        store.nextSerial(), 1);
        LocalDate validUntil = type.validity() == null ? null : issuedOn.plus(type.validity());
        License license = new License(id.value(), type.code(), type.holderType(), holderKey, holderName, fields,
                type.issuingDepartment(), issuedOn, validUntil, License.Status.VALID);
        SigningKeys.Signed signed = keys.sign(type.issuingDepartment(), CanonicalForm.of(license));
        superseded.forEach(store::supersede);
        String reason = request.reason() == null ? null : request.reason().strip();
        String token = newToken();
        try {
            store.insert(new LicenseStore.Row(license.id(), type.code(), id.serial(), id.version(), type.holderType(),
                    cipher.encrypt(holderKey), holderName, fields, type.issuingDepartment(), issuedOn, validUntil,
                    License.Status.VALID.name(), signed.keyId(), signed.signature(), replaced == null ? null : replaced.id(),
                    reason, issuer.username(), clock.instant(), null, null, null),
                    new LicenseStore.Keys(holderIdx, holderSlot, subjectKey, cipher.encrypt(token), cipher.blindIndex(token)));
        } catch (DuplicateKeyException e) {
            // a concurrent issue won the race for the holder's (or the house's) one valid license
            boolean subject = String.valueOf(e.getMessage()).contains("one_valid_per_subject");
            throw new InvalidInputException(List.of(subject
                    ? Violation.of("fields." + definition.subjectField(), "one-valid-per-subject", typeName(type))
                    : Violation.of("holderKey", "one-valid-per-holder", typeName(type), "—")), 409);
        }
        writeFacts(issuer, definition, license, reason);
        events.publishEvent(new LicenseIssued(license.id(), type.code(), type.holderType(), type.issuingDepartment(),
                replaced == null ? null : replaced.id()));
        if (superseded.size() > (replaced == null ? 0 : 1)) {
            log.info("Issued {} {} by {}, superseding {}", type.code(), license.id(), issuer.username(), superseded);
        } else {
            log.info("Issued {} {} by {}", type.code(), license.id(), issuer.username());
        }
        return license;
    }

    /**
     * The licenses the new one puts out of force, locked: the one it replaces (a change); the valid license of the
     * subject it describes, whoever holds it (a house sold: the seller's certificate gives way to the buyer's); and
     * the holder's expired one of a type held once (a renewal). A holder's license of a single-valued type that is
     * still in force is not replaced silently: the issue is refused, naming it — a change names it in
     * {@code replaces}.
     */
    private List<String> outgoing(LicenseType type, byte[] holderSlot, String subjectKey, LicenseStore.Row replaced,
                                  LocalDate issuedOn) {
        List<String> out = new ArrayList<>();
        if (replaced != null) out.add(replaced.id());
        if (subjectKey != null) {
            for (LicenseStore.Row row : store.lockValidOfSubject(type.code(), subjectKey)) {
                if (!out.contains(row.id())) out.add(row.id());
            }
        }
        if (holderSlot != null) {
            for (LicenseStore.Row row : store.lockValidInSlot(type.code(), holderSlot)) {
                if (out.contains(row.id())) continue;
                if (row.validUntil() != null && row.validUntil().isBefore(issuedOn)) {
                    out.add(row.id());
                } else {
                    throw new InvalidInputException(List.of(Violation.of("holderKey", "one-valid-per-holder",
                            typeName(type), row.id())), 409);
                }
            }
        }
        return out;
    }

    private String typeName(LicenseType type) {
        boolean en = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return en ? type.nameEn() : type.nameZh();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The verification token of a license, for its QR code; a license issued before tokens gets one now. Only the
     * holder's and the issuer's pages ask for it.
     */
    @Transactional
    String tokenOf(String licenseId) {
        Optional<byte[]> sealed = store.token(licenseId);
        if (sealed.isPresent()) return cipher.decrypt(sealed.get());
        String token = newToken();
        if (store.setToken(licenseId, cipher.encrypt(token), cipher.blindIndex(token))) return token;
        return cipher.decrypt(store.token(licenseId).orElseThrow());
    }

    /** Verification by the token a QR code carries; a token that names nothing is {@code UNKNOWN}. */
    @Transactional(readOnly = true)
    public Verification verifyToken(String token) {
        String asked = token == null ? "" : token.strip();
        if (!asked.matches("[A-Za-z0-9_-]{22,64}")) return new Verification(null, Result.UNKNOWN, null, null, null, null);
        return store.findByToken(cipher.blindIndex(asked)).map(row -> verify(row.id()))
                .orElseGet(() -> new Verification(null, Result.UNKNOWN, null, null, null, null));
    }

    @Override
    @Transactional
    public License revoke(Actor actor, String licenseId, String reason) {
        String id = LicenseId.normalise(licenseId).orElseThrow(this::notFound);
        LicenseStore.Row row = store.lock(id).orElseThrow(this::notFound);
        if (!isIssuer(actor, row.issuingDepartment())) {
            throw new AccessDeniedProblem("licenseId", "NOT_ISSUER", text("licenses.problem.not-issuer-revoke"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) throw InvalidInputException.of("reason", "revocation-reason");
        if (why.length() > MAX_TEXT) throw new InvalidInputException(List.of(shared("reason", "max-length", MAX_TEXT)));
        if (!row.status().equals(License.Status.VALID.name())) {
            throw new InvalidInputException(List.of(shared("licenseId", "not-valid",
                    statusLabel(row.status()))), 409);
        }
        store.revoke(id, actor.username(), why, clock.instant());
        events.publishEvent(new LicenseRevoked(id, row.typeCode(), row.holderType(), row.issuingDepartment()));
        log.info("Revoked {} by {}", id, actor.username());
        return withStatus(decode(row), License.Status.REVOKED);
    }

    @Override
    @Transactional(readOnly = true)
    public List<License> heldBy(SubjectType holderType, String holderKey) {
        List<Violation> violations = new ArrayList<>();
        String key = holderKey(holderType, holderKey, violations);
        if (!violations.isEmpty()) throw new InvalidInputException(violations);
        return readable(store.heldBy(holderType, cipher.blindIndex(key), true, today()));
    }

    /** Every license of a holder that is not replaced by a newer version (valid, expired, revoked), newest first. */
    @Transactional(readOnly = true)
    List<License> wallet(SubjectType holderType, String holderKey) {
        return readable(store.heldBy(holderType, cipher.blindIndex(holderKey), false, today()));
    }

    /** The newest licenses a department issued, optionally those whose id contains {@code idPart}. */
    @Transactional(readOnly = true)
    List<License> issuedBy(String department, String idPart, int limit) {
        return readable(store.issuedBy(department, idPart == null ? "" : idPart.strip().toUpperCase(), limit));
    }

    @Override
    @Transactional(readOnly = true)
    public License require(String licenseId) {
        String id = LicenseId.normalise(licenseId).orElseThrow(this::notFound);
        return decode(store.find(id).orElseThrow(this::notFound));
    }

    /** The license with its signature, for those who receive it and verify it themselves with the public key. */
    @Transactional(readOnly = true)
    Optional<SignedLicense> signed(String licenseId) {
        return LicenseId.normalise(licenseId).flatMap(store::find)
                .map(row -> new SignedLicense(decode(row), row.keyId(), SigningKeys.ALGORITHM, row.signature()));
    }

    record SignedLicense(License license, String keyId, String algorithm, byte[] signature) {}

    @Override
    @Transactional(readOnly = true)
    public Verification verify(String licenseId) {
        String asked = licenseId == null ? "" : licenseId.strip();
        if (asked.length() > 100) asked = asked.substring(0, 100);
        if (!(LicenseId.parse(asked) instanceof LicenseId.Ok ok)) {
            return new Verification(asked, Result.FORGED, null, null, null, null);
        }
        Optional<LicenseStore.Row> found;
        License license;
        try {
            found = store.find(ok.value());
            if (found.isEmpty()) return new Verification(ok.value(), Result.UNKNOWN, null, null, null, null);
            license = decode(found.get());
        } catch (RuntimeException e) { // an altered row that no longer decodes
            log.warn("License {} does not decode: {}", ok.value(), e.getClass().getSimpleName());
            return new Verification(ok.value(), Result.FORGED, null, null, null, null);
        }
        LicenseStore.Row row = found.get();
        if (!keys.verify(row.keyId(), CanonicalForm.of(license), row.signature())) {
            log.warn("License {}: signature does not match the register row", ok.value());
            return new Verification(ok.value(), Result.FORGED, null, null, null, null);
        }
        Result result = Result.valueOf(license.status().name());
        String typeName = types.find(license.typeCode()).map(t -> t.type().nameZh()).orElse(license.typeCode());
        String issuer = directory.department(license.issuingDepartment()).map(Department::name)
                .orElse(license.issuingDepartment());
        return new Verification(license.id(), result, typeName, issuer, maskedHolder(license), license.validUntil());
    }

    /** Persons' names are masked; a legal entity's name is public in its registration. */
    static String maskedHolder(License license) {
        return license.holderType() == SubjectType.LEGAL_ENTITY ? license.holderName() : Masking.name(license.holderName());
    }

    static boolean isIssuer(Actor actor, String department) {
        return actor != null && actor.role() != Role.RESIDENT && actor.role() != Role.ENTERPRISE
                && department.equals(actor.departmentCode());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    NotFoundProblem notFound() {
        return new NotFoundProblem("licenseId", text("licenses.problem.no-such-license"));
    }

    /**
     * A broken rule whose name other modules use too (required, max-length, ...): its text is this module's
     * {@code licenses.problem.<rule>}, so that another bundle's {@code problem.<rule>} with other arguments cannot
     * garble it.
     */
    private Violation shared(String field, String rule, Object... args) {
        return Violation.keyed(field, rule, "licenses.problem." + rule, args);
    }

    private String text(String key) {
        return texts.text(key, null, key);
    }

    private String statusLabel(String status) {
        return texts.text("licenses.status." + status, null, status);
    }

    private String holderKey(SubjectType type, String raw, List<Violation> violations) {
        if (type == null) {
            violations.add(shared("holderType", "required"));
            return null;
        }
        try {
            return switch (type) {
                case PERSON -> CitizenId.parse("holderKey", raw).value();
                case LEGAL_ENTITY -> CreditCode.parse("holderKey", raw).value();
                case HOUSE -> catalog.validate("house.code", raw);
            };
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> violations.add(new Violation("holderKey", v.rule(), v.detail(), v.args(), v.key())));
            return null;
        }
    }

    /** The license being replaced, locked; {@code null} with a violation when it cannot be replaced by this one. */
    private LicenseStore.Row replaceable(String replaces, LicenseType type, String holderKey, List<Violation> violations) {
        Optional<LicenseStore.Row> found = LicenseId.normalise(replaces).flatMap(store::lock);
        if (found.isEmpty()) {
            violations.add(Violation.of("replaces", "unknown-license"));
            return null;
        }
        LicenseStore.Row row = found.get();
        License old;
        try {
            old = decode(row);
        } catch (RuntimeException e) {
            violations.add(Violation.of("replaces", "unreadable"));
            return null;
        }
        if (!old.typeCode().equals(type.code())) {
            violations.add(Violation.of("replaces", "same-type"));
        } else if (holderKey != null && !old.holderKey().equals(holderKey)) {
            violations.add(Violation.of("replaces", "same-holder"));
        } else if (old.status() != License.Status.VALID) {
            violations.add(shared("replaces", "not-valid", statusLabel(old.status().name())));
        } else {
            return row;
        }
        return null;
    }

    /** Validates and normalises every field of the type; fields stating a data element through the catalog. */
    private Map<String, String> fields(TypeDefinition definition, Map<String, String> given, String holderName,
                                       List<Violation> violations) {
        for (String name : given.keySet()) {
            if (definition.field(name).isEmpty()) {
                violations.add(shared("fields." + name, "unknown-field"));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (LicenseField field : definition.type().fields()) {
            String key = "fields." + field.name();
            boolean namesHolder = field.element() != null && NAME_ELEMENTS.contains(field.element());
            String value = given.get(field.name());
            if ((value == null || value.isBlank()) && namesHolder && !holderName.isEmpty()) value = holderName;
            if (value == null || value.isBlank()) {
                violations.add(shared(key, "required"));
                continue;
            }
            if (field.element() != null) {
                try {
                    value = catalog.validate(field.element(), value);
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> violations.add(new Violation(key, v.rule(), v.detail(), v.args(), v.key())));
                    continue;
                }
            } else {
                value = value.strip();
                if (value.length() > MAX_TEXT) {
                    violations.add(shared(key, "max-length", MAX_TEXT));
                    continue;
                }
            }
            if (namesHolder && !value.equals(holderName)) {
                violations.add(Violation.of(key, "holder-name"));
            }
            fields.put(field.name(), value);
        }
        return fields;
    }

    /**
     * Writes the facts the license states: into the holder's record, or — for a license describing another subject
     * (a property certificate describes a house) — into that subject's record, with the holder as its owner. The base
     * decides authority: a value outside the issuer's responsibility counts as collected, and a losing value is kept
     * as a conflict for the data administrators.
     */
    private void writeFacts(Actor issuer, TypeDefinition definition, License license, String reason) {
        Map<SubjectRef, List<Fact>> bySubject = new LinkedHashMap<>();
        SubjectRef holder = new SubjectRef(license.holderType(), license.holderKey());
        SubjectRef described = null;
        for (LicenseField field : definition.type().fields()) {
            if (field.element() == null) continue;
            DataElement element = catalog.require(field.element());
            SubjectRef target;
            if (element.subjectType() == license.holderType()) {
                target = holder;
            } else if (definition.subjectField() != null && license.fields().get(definition.subjectField()) != null) {
                target = described = new SubjectRef(element.subjectType(), license.fields().get(definition.subjectField()));
            } else {
                continue; // states something about a subject the license does not name
            }
            bySubject.computeIfAbsent(target, k -> new ArrayList<>()).add(new Fact(field.element(), license.fields().get(field.name())));
        }
        if (described != null && definition.ownerElement() != null && license.holderType() == SubjectType.PERSON) {
            List<Fact> list = bySubject.get(described);
            list.add(new Fact(definition.ownerElement(), license.holderKey()));
            if (definition.ownerNameElement() != null) list.add(new Fact(definition.ownerNameElement(), license.holderName()));
        }
        String why = "电子证照 " + license.id() + (reason == null || reason.isEmpty() ? "" : " · " + reason);
        Attribution attribution = Attribution.of(license.issuingDepartment(), Method.AUTHORITATIVE, PURPOSE, why);
        bySubject.forEach((subject, list) -> facts.write(issuer, subject, list, attribution));
    }

    private List<License> readable(List<LicenseStore.Row> rows) {
        List<License> result = new ArrayList<>(rows.size());
        for (LicenseStore.Row row : rows) {
            try {
                result.add(decode(row));
            } catch (RuntimeException e) {
                log.warn("License {} skipped: its row does not decode ({})", row.id(), e.getClass().getSimpleName());
            }
        }
        return result;
    }

    private License decode(LicenseStore.Row row) {
        License.Status status = License.Status.valueOf(row.status());
        if (status == License.Status.VALID && row.validUntil() != null && row.validUntil().isBefore(today())) {
            status = License.Status.EXPIRED;
        }
        return new License(row.id(), row.typeCode(), row.holderType(), cipher.decrypt(row.holderKey()), row.holderName(),
                row.fields(), row.issuingDepartment(), row.issuedOn(), row.validUntil(), status);
    }

    private static License withStatus(License l, License.Status status) {
        return new License(l.id(), l.typeCode(), l.holderType(), l.holderKey(), l.holderName(), l.fields(),
                l.issuingDepartment(), l.issuedOn(), l.validUntil(), status);
    }
}
