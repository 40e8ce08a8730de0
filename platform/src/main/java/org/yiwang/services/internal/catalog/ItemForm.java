package org.yiwang.services.internal.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yiwang.services.internal.catalog.ItemDefinition.ElementEntry;
import org.yiwang.services.internal.catalog.ItemDefinition.MaterialEntry;
import org.yiwang.services.internal.catalog.ItemDefinition.PaperForm;
import org.yiwang.services.internal.catalog.ItemDefinition.PaperLine;

/**
 * The admin's item form, bound from request parameters named like the definition's field paths
 * ({@code elements[2].element}), so a validation error's field names the input it belongs to. Blank rows are
 * dropped; the form is always re-rendered from the compacted definition, so the indices still match.
 */
public class ItemForm {

    private String code;
    private String implementationCode;
    private String nameZh;
    private String nameEn;
    private String department;
    private String itemType;
    private String level;
    private Integer legalDays;
    private Integer promisedDays;
    private String conditions;
    private List<String> modes = new ArrayList<>();
    private String fees;
    private String applicantType;
    private String purpose;
    private List<ElementRow> elements = new ArrayList<>();
    private List<MaterialRow> materials = new ArrayList<>();
    private String resultLicenseType;
    private String resultHolder;
    private String autoDecision;
    private String paperTitle;
    private List<PaperRow> paperFields = new ArrayList<>();
    private String legalBasis;
    private String place;
    private String keywords;

    public static class ElementRow {
        private String element;
        private Boolean required = Boolean.TRUE;
        private Boolean changes = Boolean.FALSE;

        public String getElement() { return element; }
        public void setElement(String element) { this.element = element; }
        public Boolean getRequired() { return required; }
        public void setRequired(Boolean required) { this.required = required; }
        public Boolean getChanges() { return changes; }
        public void setChanges(Boolean changes) { this.changes = changes; }
    }

    public static class MaterialRow {
        private String code;
        private String nameZh;
        private String nameEn;
        private Boolean required = Boolean.TRUE;
        private String licenseType;
        private String note;

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public Boolean getRequired() { return required; }
        public void setRequired(Boolean required) { this.required = required; }
        public String getLicenseType() { return licenseType; }
        public void setLicenseType(String licenseType) { this.licenseType = licenseType; }
        public String getNote() { return note; }
        public void setNote(String note) { this.note = note; }
    }

    public static class PaperRow {
        private String label;
        private String element;
        private String licenseType;

        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getElement() { return element; }
        public void setElement(String element) { this.element = element; }
        public String getLicenseType() { return licenseType; }
        public void setLicenseType(String licenseType) { this.licenseType = licenseType; }
    }

    static ItemForm of(ItemDefinition d) {
        ItemForm f = new ItemForm();
        f.code = d.code();
        f.implementationCode = d.implementationCode();
        f.nameZh = d.nameZh();
        f.nameEn = d.nameEn();
        f.department = d.department();
        f.itemType = d.itemType();
        f.level = d.level();
        f.legalDays = d.legalDays();
        f.promisedDays = d.promisedDays();
        f.conditions = d.conditions();
        f.modes = new ArrayList<>(list(d.modes()));
        f.fees = d.fees();
        f.applicantType = d.applicantType();
        f.purpose = d.purpose();
        for (ElementEntry e : list(d.elements())) {
            ElementRow row = new ElementRow();
            row.element = e.element();
            row.required = e.required() == null || e.required();
            row.changes = Boolean.TRUE.equals(e.changes());
            f.elements.add(row);
        }
        for (MaterialEntry m : list(d.materials())) {
            MaterialRow row = new MaterialRow();
            row.code = m.code();
            row.nameZh = m.nameZh();
            row.nameEn = m.nameEn();
            row.required = m.required() == null || m.required();
            row.licenseType = m.licenseType();
            row.note = m.note();
            f.materials.add(row);
        }
        f.resultLicenseType = d.resultLicenseType();
        f.resultHolder = d.resultHolder();
        f.autoDecision = d.autoDecision();
        if (d.paperForm() != null) {
            f.paperTitle = d.paperForm().title();
            for (PaperLine l : list(d.paperForm().fields())) {
                PaperRow row = new PaperRow();
                row.label = l.label();
                row.element = l.element();
                row.licenseType = l.licenseType();
                f.paperFields.add(row);
            }
        }
        f.legalBasis = d.legalBasis();
        f.place = d.place();
        f.keywords = String.join(" ", list(d.keywords()));
        return f;
    }

    /** Blank rows are left out; a blank paper form (no title, no lines) is no paper form. */
    ItemDefinition toDefinition() {
        List<ElementEntry> elementEntries = elements.stream().filter(r -> r != null && !blank(r.element))
                .map(r -> new ElementEntry(r.element, Boolean.TRUE.equals(r.required),
                        Boolean.TRUE.equals(r.changes) ? Boolean.TRUE : null)).toList();
        List<MaterialEntry> materialEntries = materials.stream()
                .filter(r -> r != null && !(blank(r.code) && blank(r.nameZh) && blank(r.nameEn) && blank(r.licenseType)
                        && blank(r.note)))
                .map(r -> new MaterialEntry(r.code, r.nameZh, r.nameEn, Boolean.TRUE.equals(r.required), r.licenseType,
                        r.note))
                .toList();
        List<PaperLine> lines = paperFields.stream()
                .filter(r -> r != null && !(blank(r.label) && blank(r.element) && blank(r.licenseType)))
                .map(r -> new PaperLine(r.label, r.element, r.licenseType)).toList();
        PaperForm paper = blank(paperTitle) && lines.isEmpty() ? null : new PaperForm(paperTitle, lines);
        List<String> keywordList = keywords == null ? List.of()
                : Arrays.stream(keywords.split("[\\s,,、;;]+")).filter(k -> !k.isBlank()).toList();
        return new ItemDefinition(code, implementationCode, nameZh, nameEn, department, itemType, level, legalDays,
                promisedDays, conditions, modes.stream().filter(m -> !blank(m)).toList(), fees, applicantType, purpose,
                elementEntries, materialEntries, resultLicenseType, resultHolder, autoDecision, paper, legalBasis, place,
                keywordList);
    }

    /** Blank rows to fill in below the existing ones. */
    ItemForm withBlankRows() {
        for (int i = 0; i < 3; i++) elements.add(new ElementRow());
        for (int i = 0; i < 2; i++) materials.add(new MaterialRow());
        for (int i = 0; i < 3; i++) paperFields.add(new PaperRow());
        return this;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getImplementationCode() { return implementationCode; }
    public void setImplementationCode(String implementationCode) { this.implementationCode = implementationCode; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getItemType() { return itemType; }
    public void setItemType(String itemType) { this.itemType = itemType; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public Integer getLegalDays() { return legalDays; }
    public void setLegalDays(Integer legalDays) { this.legalDays = legalDays; }
    public Integer getPromisedDays() { return promisedDays; }
    public void setPromisedDays(Integer promisedDays) { this.promisedDays = promisedDays; }
    public String getConditions() { return conditions; }
    public void setConditions(String conditions) { this.conditions = conditions; }
    public List<String> getModes() { return modes; }
    public void setModes(List<String> modes) { this.modes = modes == null ? new ArrayList<>() : modes; }
    public String getFees() { return fees; }
    public void setFees(String fees) { this.fees = fees; }
    public String getApplicantType() { return applicantType; }
    public void setApplicantType(String applicantType) { this.applicantType = applicantType; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public List<ElementRow> getElements() { return elements; }
    public void setElements(List<ElementRow> elements) { this.elements = elements; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials; }
    public String getResultLicenseType() { return resultLicenseType; }
    public void setResultLicenseType(String resultLicenseType) { this.resultLicenseType = resultLicenseType; }
    public String getResultHolder() { return resultHolder; }
    public void setResultHolder(String resultHolder) { this.resultHolder = resultHolder; }
    public String getAutoDecision() { return autoDecision; }
    public void setAutoDecision(String autoDecision) { this.autoDecision = autoDecision; }
    public String getPaperTitle() { return paperTitle; }
    public void setPaperTitle(String paperTitle) { this.paperTitle = paperTitle; }
    public List<PaperRow> getPaperFields() { return paperFields; }
    public void setPaperFields(List<PaperRow> paperFields) { this.paperFields = paperFields; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String keywords) { this.keywords = keywords; }
}
