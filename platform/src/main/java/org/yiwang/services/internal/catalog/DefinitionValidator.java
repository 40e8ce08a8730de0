package org.yiwang.services.internal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.SharingDecision;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.LicenseType;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.AutoDecisionRule;
import org.yiwang.services.Bundle;
import org.yiwang.services.ServiceItem;
import org.yiwang.services.ServiceItem.HandlingMode;
import org.yiwang.services.internal.catalog.ItemDefinition.ElementEntry;
import org.yiwang.services.internal.catalog.ItemDefinition.MaterialEntry;
import org.yiwang.services.internal.catalog.ItemDefinition.PaperForm;
import org.yiwang.services.internal.catalog.ItemDefinition.PaperLine;

/**
 * Checks a definition against the catalog, the directory, the licenses and the other definitions, collecting every
 * broken rule (field path + rule name) before refusing the whole definition. Returns the normalised definition
 * (trimmed, defaults filled in) and the public value built from it.
 */
@Component
class DefinitionValidator {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_\\-]{1,63}");
    /** National implementation-list item types: 01 licensing … 10 other administrative power, 20 public service. */
    static final List<String> ITEM_TYPES = List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "20");
    static final List<String> LEVELS = List.of("CITY", "DISTRICT", "STREET");
    static final List<SubjectType> APPLICANT_TYPES = List.of(SubjectType.PERSON, SubjectType.LEGAL_ENTITY);
    static final int MAX_DAYS = 365;

    record ValidItem(ItemDefinition definition, ServiceItem item) {}

    record ValidBundle(BundleDefinition definition, Bundle bundle) {}

    /** The definitions a new one is checked against (codes must be unique, bundles must name items). */
    record Known(Map<String, ItemDefinition> items, Map<String, BundleDefinition> bundles) {}

    private final Catalog catalog;
    private final SharingPolicy policy;
    private final Directory directory;
    private final ObjectProvider<Licenses> licenses;
    private final ObjectProvider<AutoDecisionRule> rules;

    DefinitionValidator(Catalog catalog, SharingPolicy policy, Directory directory, ObjectProvider<Licenses> licenses,
            ObjectProvider<AutoDecisionRule> rules) {
        this.catalog = catalog;
        this.policy = policy;
        this.directory = directory;
        this.licenses = licenses;
        this.rules = rules;
    }

    private String departmentName(String code) {
        return directory.department(code).map(org.yiwang.directory.Department::name).orElse(code);
    }

    private String purposeName(String code) {
        return catalog.purpose(code).map(org.yiwang.catalog.Purpose::nameZh).orElse(code);
    }

    /** The names of the automatic-decision rules the running application provides. */
    Set<String> autoDecisionRules() {
        Set<String> names = new LinkedHashSet<>();
        rules.orderedStream().forEach(r -> names.add(r.name()));
        return names;
    }

    /** @param creating a new item: its code must not exist yet (409 otherwise) */
    ValidItem item(ItemDefinition raw, Known known, boolean creating) {
        List<Violation> v = new ArrayList<>();
        ItemDefinition d = normalise(raw);

        code(v, "code", d.code());
        if (d.code() != null && known.bundles().containsKey(d.code())) {
            v.add(Violation.of("code", "duplicate", d.code()));
        }
        required(v, "nameZh", d.nameZh(), 200);
        maxLength(v, "nameEn", d.nameEn(), 200);
        maxLength(v, "implementationCode", d.implementationCode(), 64);
        maxLength(v, "legalBasis", d.legalBasis(), 2000);
        maxLength(v, "place", d.place(), 500);
        keywordLengths(v, d.keywords());
        boolean departmentKnown = false;
        if (required(v, "department", d.department(), 40)) {
            departmentKnown = directory.department(d.department()).isPresent();
            if (!departmentKnown) {
                v.add(Violation.of("department", "unknown-department", d.department()));
            }
        }
        if (required(v, "itemType", d.itemType(), 2) && !ITEM_TYPES.contains(d.itemType())) {
            v.add(Violation.of("itemType", "unknown-item-type", String.join("、", ITEM_TYPES)));
        }
        if (required(v, "level", d.level(), 10) && !LEVELS.contains(d.level())) {
            v.add(Violation.of("level", "unknown-level", String.join("、", LEVELS)));
        }
        days(v, "legalDays", d.legalDays());
        days(v, "promisedDays", d.promisedDays());
        if (d.legalDays() != null && d.promisedDays() != null && d.promisedDays() > d.legalDays()) {
            v.add(Violation.of("promisedDays", "promised-exceeds-legal", d.promisedDays(), d.legalDays()));
        }
        required(v, "conditions", d.conditions(), 4000);
        required(v, "fees", d.fees(), 500);

        Set<HandlingMode> modes = modes(v, d.modes());

        SubjectType applicant = null;
        if (required(v, "applicantType", d.applicantType(), 16)) {
            applicant = APPLICANT_TYPES.stream().filter(t -> t.name().equals(d.applicantType())).findFirst().orElse(null);
            if (applicant == null) {
                v.add(Violation.of("applicantType", "unknown-applicant-type"));
            }
        }
        boolean purposeKnown = false;
        if (required(v, "purpose", d.purpose(), 64)) {
            purposeKnown = catalog.purpose(d.purpose()).isPresent();
            if (!purposeKnown) {
                v.add(Violation.of("purpose", "unknown-purpose", d.purpose()));
            }
        }

        Map<String, DataElement> elements = elements(v, d, applicant, departmentKnown && purposeKnown);
        materials(v, d.materials(), applicant);
        result(v, d, applicant, elements);
        if (d.autoDecision() != null && !autoDecisionRules().contains(d.autoDecision())) {
            v.add(Violation.of("autoDecision", "unknown-auto-decision", d.autoDecision(),
                    String.join("、", autoDecisionRules())));
        }
        paperForm(v, d.paperForm());
        if (applicant != null && d.code() != null) sameApplicantInBundles(v, d.code(), applicant, known);
        throwIfAny(v);
        if (creating && known.items().containsKey(d.code())) {
            throw new InvalidInputException(List.of(Violation.of("code", "duplicate", d.code())), 409);
        }
        return new ValidItem(d, toItem(d, modes, applicant));
    }

    ValidBundle bundle(BundleDefinition raw, Known known, boolean creating) {
        List<Violation> v = new ArrayList<>();
        BundleDefinition d = normalise(raw);
        code(v, "code", d.code());
        if (d.code() != null && known.items().containsKey(d.code())) {
            v.add(Violation.of("code", "duplicate", d.code()));
        }
        required(v, "nameZh", d.nameZh(), 200);
        maxLength(v, "nameEn", d.nameEn(), 200);
        maxLength(v, "description", d.description(), 4000);
        keywordLengths(v, d.keywords());
        List<String> items = d.items();
        if (items.size() < 2) {
            v.add(Violation.of("items", "too-few"));
        }
        Set<String> seen = new HashSet<>();
        SubjectType applicant = null;
        for (int i = 0; i < items.size(); i++) {
            String field = "items[" + i + "]";
            String code = items.get(i);
            if (code == null) {
                v.add(Violation.of(field, "required"));
            } else if (code.equals(d.code())) {
                v.add(Violation.of(field, "cycle"));
            } else if (known.bundles().containsKey(code)) {
                v.add(Violation.of(field, "nesting", code));
            } else if (!known.items().containsKey(code)) {
                v.add(Violation.of(field, "unknown-item", code));
            } else if (!seen.add(code)) {
                v.add(Violation.of(field, "duplicate", code));
            } else {
                String type = known.items().get(code).applicantType();
                SubjectType t = type == null ? null : SubjectType.valueOf(type);
                if (applicant == null) {
                    applicant = t;
                } else if (t != applicant) {
                    v.add(Violation.of(field, "applicant-type", code));
                }
            }
        }
        throwIfAny(v);
        if (creating && known.bundles().containsKey(d.code())) {
            throw new InvalidInputException(List.of(Violation.of("code", "duplicate", d.code())), 409);
        }
        return new ValidBundle(d, new Bundle(d.code(), d.nameZh(), d.nameEn(), d.description(), items));
    }

    // ---- parts of an item

    private Set<HandlingMode> modes(List<Violation> v, List<String> modes) {
        Set<HandlingMode> result = new LinkedHashSet<>();
        if (modes.isEmpty()) v.add(Violation.of("modes", "required"));
        for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get(i);
            Optional<HandlingMode> known = java.util.Arrays.stream(HandlingMode.values())
                    .filter(m -> m.name().equals(mode)).findFirst();
            if (known.isEmpty()) {
                v.add(Violation.of("modes[" + i + "]", "unknown-mode", mode));
            } else if (!result.add(known.get())) {
                v.add(Violation.of("modes[" + i + "]", "duplicate", mode));
            }
        }
        return result;
    }

    private Map<String, DataElement> elements(List<Violation> v, ItemDefinition d, SubjectType applicant,
            boolean checkGrants) {
        Map<String, DataElement> found = new java.util.LinkedHashMap<>();
        List<ElementEntry> entries = d.elements();
        if (entries.isEmpty()) v.add(Violation.of("elements", "required"));
        for (int i = 0; i < entries.size(); i++) {
            String field = "elements[" + i + "].element";
            String code = entries.get(i).element();
            if (code == null) {
                v.add(Violation.of(field, "required"));
                continue;
            }
            DataElement element = catalog.element(code).orElse(null);
            if (element == null) {
                v.add(Violation.of(field, "unknown-element", code));
                continue;
            }
            if (found.putIfAbsent(code, element) != null) {
                v.add(Violation.of(field, "duplicate", code));
                continue;
            }
            if (applicant != null && !fitsApplicant(element.subjectType(), applicant)) {
                v.add(Violation.of(field, "subject-type", code));
                continue;
            }
            if (checkGrants) {
                // data minimisation: the department gets only what the demand list grants it for this purpose
                SharingDecision decision = policy.decide(Consumer.department(d.department()), code, d.purpose());
                if (!decision.allowed()) {
                    v.add(Violation.of(field, "not-granted", departmentName(d.department()), purposeName(d.purpose()),
                            element.nameZh()));
                }
            }
        }
        return found;
    }

    /** A person's item may use facts about a house of theirs; a legal entity's item only facts about the entity. */
    private static boolean fitsApplicant(SubjectType element, SubjectType applicant) {
        return applicant == SubjectType.PERSON
                ? element == SubjectType.PERSON || element == SubjectType.HOUSE
                : element == SubjectType.LEGAL_ENTITY;
    }

    private void materials(List<Violation> v, List<MaterialEntry> materials, SubjectType applicant) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            String prefix = "materials[" + i + "].";
            MaterialEntry m = materials.get(i);
            if (code(v, prefix + "code", m.code()) && !codes.add(m.code())) {
                v.add(Violation.of(prefix + "code", "duplicate", m.code()));
            }
            required(v, prefix + "nameZh", m.nameZh(), 200);
            maxLength(v, prefix + "nameEn", m.nameEn(), 200);
            maxLength(v, prefix + "note", m.note(), 500);
            if (m.licenseType() != null) {
                licenseType(v, prefix + "licenseType", m.licenseType()).ifPresent(type -> {
                    if (applicant != null && type.holderType() != applicant) {
                        v.add(Violation.of(prefix + "licenseType", "holder-type", type.nameZh()));
                    }
                });
            }
        }
    }

    private void result(List<Violation> v, ItemDefinition d, SubjectType applicant, Map<String, DataElement> elements) {
        Optional<LicenseType> type = d.resultLicenseType() == null ? Optional.empty()
                : licenseType(v, "resultLicenseType", d.resultLicenseType());
        if (d.resultHolder() != null) {
            if (d.resultLicenseType() == null) {
                v.add(Violation.of("resultHolder", "without-result"));
                return;
            }
            DataElement holder = elements.get(d.resultHolder());
            if (holder == null) {
                v.add(Violation.of("resultHolder", "not-an-element", d.resultHolder()));
                return;
            }
            type.ifPresent(t -> {
                DataElement.ValueType expected = t.holderType() == SubjectType.PERSON ? DataElement.ValueType.CITIZEN_ID
                        : t.holderType() == SubjectType.LEGAL_ENTITY ? DataElement.ValueType.CREDIT_CODE : null;
                if (holder.type() != expected) {
                    v.add(Violation.of("resultHolder", "holder-type", t.nameZh()));
                }
            });
        } else {
            type.ifPresent(t -> {
                if (applicant != null && t.holderType() != applicant) {
                    v.add(Violation.of("resultLicenseType", "holder-type", t.nameZh()));
                }
            });
        }
        type.ifPresent(t -> {
            if (d.department() != null && !t.issuingDepartment().equals(d.department())) {
                v.add(Violation.of("resultLicenseType", "issuer", t.nameZh(), departmentName(t.issuingDepartment())));
            }
        });
    }

    private void paperForm(List<Violation> v, PaperForm form) {
        if (form == null) return;
        required(v, "paperForm.title", form.title(), 200);
        List<PaperLine> lines = form.fields();
        for (int i = 0; i < lines.size(); i++) {
            String prefix = "paperForm.fields[" + i + "].";
            PaperLine line = lines.get(i);
            required(v, prefix + "label", line.label(), 200);
            if (line.element() != null && catalog.element(line.element()).isEmpty()) {
                v.add(Violation.of(prefix + "element", "unknown-element", line.element()));
            }
            if (line.licenseType() != null) licenseType(v, prefix + "licenseType", line.licenseType());
        }
    }

    /** An item already in a bundle keeps the bundle's kind of applicant. */
    private static void sameApplicantInBundles(List<Violation> v, String code, SubjectType applicant, Known known) {
        for (BundleDefinition bundle : known.bundles().values()) {
            if (!bundle.items().contains(code)) continue;
            for (String other : bundle.items()) {
                ItemDefinition o = known.items().get(other);
                if (o == null || other.equals(code) || o.applicantType() == null) continue;
                if (!o.applicantType().equals(applicant.name())) {
                    v.add(Violation.of("applicantType", "applicant-type", bundle.code()));
                    break;
                }
            }
        }
    }

    private Optional<LicenseType> licenseType(List<Violation> v, String field, String code) {
        Licenses registry = licenses.getIfAvailable();
        if (registry == null) return Optional.empty();
        Optional<LicenseType> type = registry.type(code);
        if (type.isEmpty()) {
            v.add(Violation.of(field, "unknown-license-type", code));
        }
        return type;
    }

    // ---- small rules

    private static boolean code(List<Violation> v, String field, String code) {
        if (!required(v, field, code, 64)) return false;
        if (!CODE.matcher(code).matches()) {
            v.add(Violation.of(field, "code-format", code));
            return false;
        }
        return true;
    }

    private static void keywordLengths(List<Violation> v, List<String> keywords) {
        for (int i = 0; i < keywords.size(); i++) maxLength(v, "keywords[" + i + "]", keywords.get(i), 50);
    }

    private static void days(List<Violation> v, String field, Integer days) {
        if (days == null) {
            v.add(Violation.of(field, "required"));
        } else if (days < 0 || days > MAX_DAYS) {
            v.add(Violation.of(field, "range"));
        }
    }

    private static boolean required(List<Violation> v, String field, String value, int maxLength) {
        if (value == null) {
            v.add(Violation.of(field, "required"));
            return false;
        }
        return maxLength(v, field, value, maxLength);
    }

    private static boolean maxLength(List<Violation> v, String field, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(Violation.of(field, "max-length", max));
            return false;
        }
        return true;
    }

    private static void throwIfAny(List<Violation> v) {
        if (!v.isEmpty()) throw new InvalidInputException(v);
    }

    // ---- normalisation

    static ItemDefinition normalise(ItemDefinition d) {
        String nameZh = clean(d.nameZh());
        String nameEn = clean(d.nameEn());
        PaperForm form = d.paperForm() == null ? null : new PaperForm(clean(d.paperForm().title()),
                list(d.paperForm().fields()).stream().map(l -> l == null ? new PaperLine(null, null, null)
                        : new PaperLine(clean(l.label()), clean(l.element()), clean(l.licenseType()))).toList());
        return new ItemDefinition(clean(d.code()), clean(d.implementationCode()), nameZh, nameEn == null ? nameZh : nameEn,
                clean(d.department()), clean(d.itemType()), upper(d.level()), d.legalDays(), d.promisedDays(),
                clean(d.conditions()), list(d.modes()).stream().map(DefinitionValidator::upper).toList(), clean(d.fees()),
                upper(d.applicantType()), clean(d.purpose()),
                list(d.elements()).stream().map(e -> e == null ? new ElementEntry(null, true)
                        : new ElementEntry(clean(e.element()), e.required() == null || e.required(),
                                Boolean.TRUE.equals(e.changes()) ? Boolean.TRUE : null)).toList(),
                list(d.materials()).stream().map(m -> m == null ? new MaterialEntry(null, null, null, true, null, null)
                        : new MaterialEntry(clean(m.code()), clean(m.nameZh()),
                        clean(m.nameEn()) == null ? clean(m.nameZh()) : clean(m.nameEn()),
                        m.required() == null || m.required(), clean(m.licenseType()), clean(m.note()))).toList(),
                clean(d.resultLicenseType()), clean(d.resultHolder()), clean(d.autoDecision()), form,
                clean(d.legalBasis()), clean(d.place()), keywords(d.keywords()));
    }

    static BundleDefinition normalise(BundleDefinition d) {
        String nameZh = clean(d.nameZh());
        String nameEn = clean(d.nameEn());
        return new BundleDefinition(clean(d.code()), nameZh, nameEn == null ? nameZh : nameEn, clean(d.description()),
                list(d.items()).stream().map(DefinitionValidator::clean).toList(), keywords(d.keywords()));
    }

    private static ServiceItem toItem(ItemDefinition d, Set<HandlingMode> modes, SubjectType applicant) {
        return new ServiceItem(d.code(), d.nameZh(), d.nameEn(), d.department(), d.itemType(), d.level(), d.legalDays(),
                d.promisedDays(), d.conditions(), modes, d.fees(), applicant, d.purpose(),
                d.elements().stream().map(e -> new ServiceItem.ItemElement(e.element(), e.required(),
                        Boolean.TRUE.equals(e.changes()))).toList(),
                d.materials().stream().map(m -> new ServiceItem.Material(m.code(), m.nameZh(), m.nameEn(), m.required(),
                        m.licenseType())).toList(),
                d.resultLicenseType(), d.resultHolder(), d.autoDecision(),
                d.paperForm() == null ? List.of() : d.paperForm().fields().stream()
                        .map(l -> new ServiceItem.PaperField(l.label(), l.element(), l.licenseType())).toList());
    }

    /** The public value of a definition that passed validation before (read back from the table). */
    static ServiceItem toItem(ItemDefinition d) {
        Set<HandlingMode> modes = new LinkedHashSet<>();
        d.modes().forEach(m -> modes.add(HandlingMode.valueOf(m)));
        return toItem(d, modes, SubjectType.valueOf(d.applicantType()));
    }

    static Bundle toBundle(BundleDefinition d) {
        return new Bundle(d.code(), d.nameZh(), d.nameEn(), d.description(), d.items());
    }

    private static List<String> keywords(List<String> keywords) {
        return list(keywords).stream().map(DefinitionValidator::clean).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String upper(String s) {
        String t = clean(s);
        return t == null ? null : t.toUpperCase(java.util.Locale.ROOT);
    }
}
