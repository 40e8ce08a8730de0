package org.yiwang.services.internal.application;

import java.util.List;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.Actor;

/**
 * Writes an application's facts through the one write path: house.* elements describe the application's house,
 * every other element the applicant.
 */
@Component
class ApplicantFacts {

    private final Facts facts;

    ApplicantFacts(Facts facts) {
        this.facts = facts;
    }

    void write(Actor actor, SubjectRef applicant, String houseCode, List<Fact> all, Attribution attribution) {
        List<Fact> own = all.stream().filter(f -> !isHouse(f.element())).toList();
        List<Fact> house = all.stream().filter(f -> isHouse(f.element())).toList();
        if (!own.isEmpty()) facts.write(actor, applicant, own, attribution);
        if (!house.isEmpty()) facts.write(actor, SubjectRef.house(houseCode), house, attribution);
    }

    static boolean isHouse(String element) {
        return element.startsWith("house.");
    }
}
