package org.yiwang.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    /** License dates are the issuing authority's calendar days. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

    LicenseService(LicenseTypes types, LicenseStore store, SigningKeys keys, FieldCipher cipher, Catalog catalog,
                   Facts facts, Directory directory, ApplicationEventPublisher events) {
        this.types = types;
        this.store = store;
        this.keys = keys;
        this.cipher = cipher;
        this.catalog = catalog;
        this.facts = facts;
        this.directory = directory;
        this.events = events;
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
        TypeDefinition definition = types.find(request.typeCode()).orElseThrow(() -> new InvalidInputException(
                "typeCode", request.typeCode() == null ? "required" : "unknown-type", "未知的证照类型 / unknown license type"));
        LicenseType type = definition.type();
        if (!isIssuer(issuer, type.issuingDepartment())) {
            throw new AccessDeniedProblem("typeCode", "NOT_ISSUER",
                    "只有发证部门可以签发此证照 / only the issuing department may issue this license");
        }
        List<Violation> violations = new ArrayList<>();
        if (request.holderType() != null && request.holderType() != type.holderType()) {
            violations.add(new Violation("holderType", "holder-type",
                    "该证照的持证主体应为 / this license is held by a " + type.holderType()));
        }
        String holderKey = holderKey(type.holderType(), request.holderKey(), violations);
        String holderName = request.holderName() == null ? "" : request.holderName().strip();
        if (holderName.isEmpty()) violations.add(new Violation("holderName", "required", "必填 / required"));
        else if (holderName.length() > 100) violations.add(new Violation("holderName", "max-length", "长度超过100 / longer than 100"));

        LicenseStore.Row replaced = null;
        Map<String, String> given = new LinkedHashMap<>();
        if (request.replaces() != null && !request.replaces().isBlank()) {
            replaced = replaceable(request.replaces(), type, holderKey, violations);
            if (replaced != null) given.putAll(replaced.fields());
        }
        given.putAll(request.fields());
        Map<String, String> fields = fields(definition, given, holderName, violations);
        if (!violations.isEmpty()) throw new InvalidInputException(violations);

        LicenseId id = replaced != null
                ? new LicenseId(definition.numberCode(), LicenseId.issuerToken(type.issuingDepartment()), replaced.serial(),
                        replaced.version()).next()
                : new LicenseId(definition.numberCode(), LicenseId.issuerToken(type.issuingDepartment()),
                        store.nextSerial(), 1);
        LocalDate validUntil = type.validity() == null ? null : issuedOn.plus(type.validity());
        License license = new License(id.value(), type.code(), type.holderType(), holderKey, holderName, fields,
                type.issuingDepartment(), issuedOn, validUntil, License.Status.VALID);
        SigningKeys.Signed signed = keys.sign(type.issuingDepartment(), CanonicalForm.of(license));
        if (replaced != null) store.supersede(replaced.id());
        String reason = request.reason() == null ? null : request.reason().strip();
        store.insert(new LicenseStore.Row(license.id(), type.code(), id.serial(), id.version(), type.holderType(),
                cipher.encrypt(holderKey), holderName, fields, type.issuingDepartment(), issuedOn, validUntil,
                License.Status.VALID.name(), signed.keyId(), signed.signature(), replaced == null ? null : replaced.id(),
                reason, issuer.username(), Instant.now(), null, null, null), cipher.blindIndex(holderKey));
        writeFacts(issuer, definition, license, reason);
        events.publishEvent(new LicenseIssued(license.id(), type.code(), type.holderType(), type.issuingDepartment(),
                replaced == null ? null : replaced.id()));
        log.info("Issued {} {} by {}", type.code(), license.id(), issuer.username());
        return license;
    }

    @Override
    @Transactional
    public License revoke(Actor actor, String licenseId, String reason) {
        String id = LicenseId.normalise(licenseId).orElseThrow(() -> notFound());
        LicenseStore.Row row = store.lock(id).orElseThrow(() -> notFound());
        if (!isIssuer(actor, row.issuingDepartment())) {
            throw new AccessDeniedProblem("licenseId", "NOT_ISSUER",
                    "只有发证部门可以撤销此证照 / only the issuing department may revoke this license");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) throw new InvalidInputException("reason", "required", "请说明撤销理由 / a reason is required");
        if (why.length() > MAX_TEXT) throw new InvalidInputException("reason", "max-length", "长度超过500 / longer than 500");
        if (!row.status().equals(License.Status.VALID.name())) {
            throw new InvalidInputException(List.of(new Violation("licenseId", "not-valid",
                    "证照已被撤销或替换 / the license is already revoked or replaced: " + row.status())), 409);
        }
        store.revoke(id, actor.username(), why, Instant.now());
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
        String id = LicenseId.normalise(licenseId).orElseThrow(LicenseService::notFound);
        return decode(store.find(id).orElseThrow(LicenseService::notFound));
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

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static NotFoundProblem notFound() {
        return new NotFoundProblem("licenseId", "没有这个证照 / no such license");
    }

    private String holderKey(SubjectType type, String raw, List<Violation> violations) {
        if (type == null) {
            violations.add(new Violation("holderType", "required", "必填 / required"));
            return null;
        }
        try {
            return switch (type) {
                case PERSON -> CitizenId.parse("holderKey", raw).value();
                case LEGAL_ENTITY -> CreditCode.parse("holderKey", raw).value();
                case HOUSE -> catalog.validate("house.code", raw);
            };
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> violations.add(new Violation("holderKey", v.rule(), v.detail())));
            return null;
        }
    }

    /** The license being replaced, locked; {@code null} with a violation when it cannot be replaced by this one. */
    private LicenseStore.Row replaceable(String replaces, LicenseType type, String holderKey, List<Violation> violations) {
        Optional<LicenseStore.Row> found = LicenseId.normalise(replaces).flatMap(store::lock);
        if (found.isEmpty()) {
            violations.add(new Violation("replaces", "unknown-license", "被替换的证照不存在 / no such license"));
            return null;
        }
        LicenseStore.Row row = found.get();
        License old;
        try {
            old = decode(row);
        } catch (RuntimeException e) {
            violations.add(new Violation("replaces", "unreadable", "被替换的证照无法读取 / the license cannot be read"));
            return null;
        }
        if (!old.typeCode().equals(type.code())) {
            violations.add(new Violation("replaces", "same-type", "只能替换同类证照 / must be a license of the same type"));
        } else if (holderKey != null && !old.holderKey().equals(holderKey)) {
            violations.add(new Violation("replaces", "same-holder", "只能替换同一持证人的证照 / must be the same holder's license"));
        } else if (old.status() != License.Status.VALID) {
            violations.add(new Violation("replaces", "not-valid",
                    "被替换的证照已失效 / the license to replace is no longer valid: " + old.status()));
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
                violations.add(new Violation("fields." + name, "unknown-field", "该证照没有此项 / the license has no such field"));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (LicenseField field : definition.type().fields()) {
            String key = "fields." + field.name();
            boolean namesHolder = field.element() != null && NAME_ELEMENTS.contains(field.element());
            String value = given.get(field.name());
            if ((value == null || value.isBlank()) && namesHolder && !holderName.isEmpty()) value = holderName;
            if (value == null || value.isBlank()) {
                violations.add(new Violation(key, "required", "必填 / required"));
                continue;
            }
            if (field.element() != null) {
                try {
                    value = catalog.validate(field.element(), value);
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> violations.add(new Violation(key, v.rule(), v.detail())));
                    continue;
                }
            } else {
                value = value.strip();
                if (value.length() > MAX_TEXT) {
                    violations.add(new Violation(key, "max-length", "长度超过500 / longer than 500"));
                    continue;
                }
            }
            if (namesHolder && !value.equals(holderName)) {
                violations.add(new Violation(key, "holder-name", "应与持证人名称一致 / must be the holder's name"));
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
