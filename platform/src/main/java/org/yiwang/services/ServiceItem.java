package org.yiwang.services;

import java.util.List;
import java.util.Set;
import org.yiwang.kernel.SubjectType;

/**
 * A service item (政务服务事项) following the national implementation-list elements.
 *
 * @param code              implementation code (实施编码)
 * @param nameZh            Chinese name
 * @param nameEn            English name
 * @param department        the implementing department's code
 * @param itemType          item type per the national list ({@code 01} licensing … {@code 20} public service)
 * @param level             the administrative level handling it ({@code CITY}, {@code DISTRICT}, {@code STREET})
 * @param legalDays         statutory time limit in working days
 * @param promisedDays      promised time limit in working days (≤ legal)
 * @param conditions        acceptance conditions (受理条件), shown to applicants
 * @param modes             how it can be handled
 * @param fees              fees, or "不收费"
 * @param applicantType     who applies: a person or a legal entity
 * @param purpose           the catalog purpose the department's use of the data is granted and audited under
 * @param elements          the data elements the item needs
 * @param materials         the materials it needs
 * @param resultLicenseType the license type issued on approval, or {@code null}
 * @param resultHolder      the data element whose value names the license's holder when it is not the applicant
 *                          (e.g. {@code house.buyer_citizen_id} for a transfer registration), or {@code null}
 * @param autoDecision      name of the automatic-decision rule, or {@code null} when officers decide
 * @param paperForm         the department's own paper form: what an applicant had to write without yiwang
 */
public record ServiceItem(String code, String nameZh, String nameEn, String department, String itemType, String level,
                          int legalDays, int promisedDays, String conditions, Set<HandlingMode> modes, String fees,
                          SubjectType applicantType, String purpose, List<ItemElement> elements,
                          List<Material> materials, String resultLicenseType, String resultHolder, String autoDecision,
                          List<PaperField> paperForm) {

    public ServiceItem {
        modes = Set.copyOf(modes);
        elements = List.copyOf(elements);
        materials = List.copyOf(materials);
        paperForm = List.copyOf(paperForm);
    }

    public enum HandlingMode { ONLINE, WINDOW, EXPRESS, COMMITMENT }

    /**
     * A data element the item needs; {@code required} ones must have a value before submission. {@code changes}: the
     * item exists to change this value (the business scope of a scope change), so its authoritative value is
     * prefilled but not locked — the applicant's new value goes to the responsible department, which decides.
     */
    public record ItemElement(String element, boolean required, boolean changes) {

        public ItemElement(String element, boolean required) {
            this(element, required, false);
        }
    }

    /**
     * A material (申请材料). When {@code licenseType} is set the material is an electronic license: a holder never
     * uploads it, the license satisfies it (免提交); otherwise it is an upload.
     */
    public record Material(String code, String nameZh, String nameEn, boolean required, String licenseType) {

        public boolean electronic() {
            return licenseType != null;
        }
    }

    /**
     * One line of the department's own paper form.
     *
     * @param labelZh     the label printed on the form
     * @param element     the data element it asks for, or {@code null} (signature, date and the like)
     * @param licenseType the license whose copy it asks to attach, or {@code null}
     */
    public record PaperField(String labelZh, String element, String licenseType) {}
}
