package org.yiwang.services.internal.catalog;

import java.util.List;

/**
 * A service item as written in a definition file, in the admin's YAML box and in {@code PUT /api/v1/services/items}:
 * the schema documented in docs/architecture.md. Everything is optional here (boxed) so that the validator, not the
 * parser, names a missing field. Beyond {@link org.yiwang.services.ServiceItem} it carries what only the guide shows
 * (implementation code, legal basis, place, the paper form's title) and search keywords (e.g. 网约车 for 网络预约出租汽车).
 */
public record ItemDefinition(String code, String implementationCode, String nameZh, String nameEn, String department,
                             String itemType, String level, Integer legalDays, Integer promisedDays, String conditions,
                             List<String> modes, String fees, String applicantType, String purpose,
                             List<ElementEntry> elements, List<MaterialEntry> materials, String resultLicenseType,
                             String resultHolder, String autoDecision, PaperForm paperForm, String legalBasis,
                             String place, List<String> keywords) {

    /** {@code required} defaults to {@code true}. */
    public record ElementEntry(String element, Boolean required, Boolean changes) {

        public ElementEntry(String element, Boolean required) {
            this(element, required, null);
        }
    }

    /** {@code required} defaults to {@code true}; {@code licenseType} set → an electronic license, never uploaded. */
    public record MaterialEntry(String code, String nameZh, String nameEn, Boolean required, String licenseType,
                                String note) {}

    /** The department's own paper form: its title and its lines. */
    public record PaperForm(String title, List<PaperLine> fields) {}

    /** One line of the paper form: the label, and the element it asks for or the license whose copy it wants. */
    public record PaperLine(String label, String element, String licenseType) {}
}
