package org.yiwang.services;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule that decides a part without an officer (e.g. the ride-hailing background check), named by service items'
 * {@code autoDecision}. It sees the part's values plus the elements it {@link #reads()}, read for the item's department
 * under the item's purpose through the audited read path; its reasons are recorded on the part's timeline. A
 * definition naming a rule no bean provides is refused (rule {@code unknown-auto-decision}).
 */
public interface AutoDecisionRule {

    /** The name definitions use, e.g. {@code RIDE_HAILING_BACKGROUND}; unique among the rules. */
    String name();

    /** Data elements beyond the item's own that the rule needs (e.g. {@code person.criminal_record}). */
    List<String> reads();

    /**
     * The elements of {@link #reads()} a pass rests on: they count only from their authoritative source or a held
     * electronic licence; when one is on file only as the applicant's declaration, an officer decides instead.
     * The others (e.g. a record of offences, which can only make the verdict stricter) count whatever their source.
     */
    default List<String> mustBeAuthoritative() {
        return reads();
    }

    /** APPROVE or REJECT with the reasons, or RETURN when a value is missing. */
    PartDecision decide(Map<String, String> values, LocalDate today);
}
