package org.yiwang.basedata;

import java.util.List;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;

/** Relations between subjects, answered from keys without revealing values (those go through PersonalData). */
public interface Subjects {

    /** Credit codes of the legal entities whose legal representative is this person. */
    List<CreditCode> entitiesRepresentedBy(CitizenId person);

    /** Codes of the houses this person owns. */
    List<String> housesOwnedBy(CitizenId person);

    /** Number of subjects of a type in the base. */
    long count(org.yiwang.kernel.SubjectType type);
}
