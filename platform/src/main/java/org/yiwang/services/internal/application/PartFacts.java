package org.yiwang.services.internal.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.Part;

/**
 * The facts of a part as its department's officer decides on them: every element the item needs with its value,
 * where it came from and whether the applicant typed it. Values from the base are read for the officer through the
 * one audited read path under the item's purpose, so they are masked exactly as the department's demand entry says;
 * values the applicant typed are the part's own, masked by the same sharing decision.
 */
@Component
class PartFacts {

    /**
     * @param source the department that supplied the value, or {@code null} for the applicant
     * @param method AUTHORITATIVE, SELF_DECLARED, COLLECTED or DERIVED; {@code null} when nothing is on file
     * @param denied the sharing decision's reason when the department may not see the element
     */
    record Row(String element, String name, String value, boolean masked, String source, Method method,
               boolean typed, String denied) {}

    private final PersonalData personalData;
    private final Catalog catalog;
    private final SharingPolicy policy;
    private final Directory directory;

    PartFacts(PersonalData personalData, Catalog catalog, SharingPolicy policy, Directory directory) {
        this.personalData = personalData;
        this.catalog = catalog;
        this.policy = policy;
        this.directory = directory;
    }

    List<Row> of(Actor officer, Part part, List<String> typed) {
        List<String> fromBase = part.elements().stream().filter(e -> !typed.contains(e)).toList();
        Map<String, ElementValue> base = new LinkedHashMap<>();
        Map<String, String> denied = new LinkedHashMap<>();
        read(officer, new SubjectRef(part.applicantType(), part.applicantKey()),
                fromBase.stream().filter(e -> !ApplicantFacts.isHouse(e)).toList(), part.purpose(), base, denied);
        if (part.houseCode() != null) {
            read(officer, SubjectRef.house(part.houseCode()), fromBase.stream().filter(ApplicantFacts::isHouse).toList(),
                    part.purpose(), base, denied);
        }
        List<Row> rows = new ArrayList<>();
        for (String e : part.elements()) {
            DataElement element = catalog.element(e).orElse(null);
            String name = element == null ? e : element.nameZh();
            if (typed.contains(e)) {
                String v = part.values().get(e);
                boolean mask = v != null && masked(officer, e, part.purpose(), element);
                rows.add(new Row(e, name, mask ? mask(element, v) : label(element, v), mask, null,
                        Method.SELF_DECLARED, true, null));
            } else if (base.containsKey(e)) {
                ElementValue v = base.get(e);
                String source = v.provenance().sourceDepartment();
                rows.add(new Row(e, name, v.masked() ? v.value() : label(element, v.value()), v.masked(),
                        source == null ? null : departmentName(source), v.provenance().method(), false, null));
            } else {
                rows.add(new Row(e, name, null, false, null, null, false, denied.get(e)));
            }
        }
        return rows;
    }

    private void read(Actor officer, SubjectRef subject, List<String> elements, String purpose,
                      Map<String, ElementValue> into, Map<String, String> denied) {
        if (elements.isEmpty()) return;
        try {
            SubjectView view = personalData.read(officer, new ReadRequest(subject, elements, purpose, true));
            into.putAll(view.values());
            denied.putAll(view.denied());
        } catch (AccessDeniedProblem e) {
            elements.forEach(x -> denied.put(x, e.reason()));
        } catch (NotFoundProblem e) {
            // the subject left the base since the application (a merge): nothing to show
        }
    }

    private boolean masked(Actor officer, String element, String purpose, DataElement e) {
        return (e == null || e.sensitive())
                && !policy.decide(Consumer.department(officer.departmentCode()), element, purpose).clear();
    }

    private String label(DataElement e, String value) {
        if (value == null || e == null || e.codeTable() == null) return value;
        return catalog.codeLabel(e.codeTable(), value);
    }

    private static String mask(DataElement e, String value) {
        if (e == null) return Masking.generic(value);
        return switch (e.type()) {
            case CITIZEN_ID -> Masking.citizenId(value);
            case PHONE -> Masking.phone(value);
            default -> e.code().endsWith("name") ? Masking.name(value) : Masking.generic(value);
        };
    }

    String departmentName(String code) {
        return directory.department(code).map(Department::name).orElse(code);
    }
}
