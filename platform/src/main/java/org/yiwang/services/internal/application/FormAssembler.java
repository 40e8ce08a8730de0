package org.yiwang.services.internal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.basedata.Subjects;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceItem;

/**
 * Builds the one form of a target: every element its items need, asked once, prefilled through the one audited
 * read path, and every material, satisfied by a held electronic license where there is one.
 */
@Component
class FormAssembler {

    private final PersonalData personalData;
    private final Subjects subjects;
    private final Catalog catalog;
    private final Licenses licenses;

    FormAssembler(PersonalData personalData, Subjects subjects, Catalog catalog, Licenses licenses) {
        this.personalData = personalData;
        this.subjects = subjects;
        this.catalog = catalog;
        this.licenses = licenses;
    }

    ApplicationForm assemble(Actor actor, Target target, Applicant applicant, String houseCode) {
        Map<String, Need> needs = needs(target);
        String purpose = purposeFor(target, applicant);
        SubjectView view = read(actor, applicant.subject(), codes(needs, false), purpose);
        List<String> houses = List.of();
        String house = null;
        SubjectView houseView = null;
        if (target.needsHouse()) {
            houses = subjects.housesOwnedBy(new CitizenId(applicant.subject().key()));
            if (houses.isEmpty()) {
                throw InvalidInputException.of("house", "no-house");
            }
            house = houseCode != null && houses.contains(houseCode) ? houseCode : houses.get(0);
            houseView = read(actor, SubjectRef.house(house), codes(needs, true), purpose);
        }
        List<ApplicationForm.Field> fields = new ArrayList<>();
        for (Need need : needs.values()) {
            SubjectView source = need.element.startsWith("house.") ? houseView : view;
            ElementValue value = source == null ? null : source.values().get(need.element);
            fields.add(new ApplicationForm.Field(catalog.require(need.element), need.required,
                    value == null ? null : value.value(), value != null && value.masked(),
                    value == null ? null : value.provenance(),
                    value != null && value.provenance().method() == Method.AUTHORITATIVE && !need.changes,
                    need.changes, List.copyOf(need.departments)));
        }
        Map<String, License> held = licenses.heldBy(applicant.subject().type(), applicant.subject().key()).stream()
                .collect(Collectors.toMap(License::typeCode, Function.identity(), (newest, older) -> newest));
        List<ApplicationForm.MaterialSlot> materials = target.items().stream()
                .flatMap(item -> item.materials().stream().map(m -> new ApplicationForm.MaterialSlot(item, m,
                        m.electronic() ? held.get(m.licenseType()) : null)))
                .toList();
        int paperFields = 0;
        int paperCopies = 0;
        for (ServiceItem item : target.items()) {
            for (ServiceItem.PaperField p : item.paperForm()) {
                if (p.element() != null) paperFields++;
                if (p.licenseType() != null) paperCopies++;
            }
        }
        String name = view.value(applicant.subject().type() == SubjectType.PERSON ? "person.name" : "entity.name");
        return new ApplicationForm(target, applicant.subject(), name != null ? name : view.display(), house, houses,
                fields, materials,
                paperFields, paperCopies);
    }

    /** The purpose of a bundle is the bundle itself: registered once so the resident's usage list can name it. */
    private String purposeFor(Target target, Applicant applicant) {
        String purpose = applicant.readPurpose(target);
        if (catalog.purpose(purpose).isEmpty()) catalog.definePurpose(purpose, target.nameZh(), target.nameEn());
        return purpose;
    }

    private SubjectView read(Actor actor, SubjectRef subject, List<String> elements, String purpose) {
        return personalData.read(actor, new ReadRequest(subject, elements, purpose, true));
    }

    private static List<String> codes(Map<String, Need> needs, boolean house) {
        return needs.keySet().stream().filter(e -> e.startsWith("house.") == house).toList();
    }

    /** The union of the items' elements in first-asked order; required if any item requires it. */
    private static Map<String, Need> needs(Target target) {
        Map<String, Need> needs = new LinkedHashMap<>();
        for (ServiceItem item : target.items()) {
            for (ServiceItem.ItemElement e : item.elements()) {
                Need need = needs.computeIfAbsent(e.element(), Need::new);
                need.required |= e.required();
                need.changes |= e.changes();
                need.departments.add(item.department());
            }
        }
        return needs;
    }

    private static final class Need {
        final String element;
        final Set<String> departments = new LinkedHashSet<>();
        boolean required;
        boolean changes;

        Need(String element) {
            this.element = element;
        }
    }

}
