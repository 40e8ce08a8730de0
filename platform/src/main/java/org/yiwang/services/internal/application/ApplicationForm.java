package org.yiwang.services.internal.application;

import java.util.List;
import org.yiwang.basedata.Provenance;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.DataElement;
import org.yiwang.licenses.License;
import org.yiwang.services.ServiceItem;

/**
 * The form for a target and an applicant: the union of the items' elements, each asked once, prefilled from the
 * base, and the materials with the electronic licenses that satisfy them.
 *
 * @param house          the house the application concerns (house.* elements), or {@code null}
 * @param houses         the houses the applicant may choose from
 * @param paperFields    how many facts the departments' own paper forms would have asked in total
 * @param paperCopies    how many copies of government-issued licenses those forms asked to attach
 */
record ApplicationForm(Target target, SubjectRef applicant, String applicantName, String house, List<String> houses,
                       List<Field> fields, List<MaterialSlot> materials, int paperFields, int paperCopies) {

    /**
     * One element of the form.
     *
     * @param value      the current value from the base (masked when policy hides part of it), or {@code null}
     * @param provenance where the value came from, or {@code null}
     * @param locked     an authoritative value: not typed over; "this is wrong" files a correction request
     * @param changes    the target exists to change this value: {@code value} is the current one, shown beside the
     *                   new value the applicant states (which becomes authoritative when the department approves)
     * @param departments the departments whose items need it
     */
    record Field(DataElement element, boolean required, String value, boolean masked, Provenance provenance,
                 boolean locked, boolean changes, List<String> departments) {

        public String code() {
            return element.code();
        }

        public boolean missing() {
            return value == null;
        }
    }

    /** A material of an item; {@code license} is the held electronic license that satisfies it (免提交), if any. */
    record MaterialSlot(ServiceItem item, ServiceItem.Material material, License license) {

        public String key() {
            return item.code() + "." + material.code();
        }

        public boolean needsUpload() {
            return license == null;
        }
    }

    /** What the applicant must type besides the changes: facts the base does not have. */
    public List<Field> missing() {
        return fields.stream().filter(f -> !f.changes() && f.missing()).toList();
    }

    public List<Field> prefilled() {
        return fields.stream().filter(f -> !f.changes() && !f.missing()).toList();
    }

    /** The values the target changes: each shown with its current value beside the new one. */
    public List<Field> changes() {
        return fields.stream().filter(Field::changes).toList();
    }

    /** How many values the applicant states: the missing facts and the new values of what changes. */
    public int toType() {
        return missing().size() + changes().size();
    }

    public Field field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }
}
