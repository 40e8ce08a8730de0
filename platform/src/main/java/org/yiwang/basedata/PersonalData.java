package org.yiwang.basedata;

import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.NotFoundProblem;

/**
 * The one read path for personal data. Every read is decided per element by the catalog's sharing policy,
 * limited to the actor's data scope, masked where policy says so, and audited — allowed or not.
 */
public interface PersonalData {

    /**
     * @throws AccessDeniedProblem when the subject is outside the actor's data scope, or (non-partial) any element
     *                             is refused; the reason names the element and the rule
     * @throws NotFoundProblem     when no such subject is in the base (field {@code subject})
     */
    SubjectView read(Actor actor, ReadRequest request);

    /**
     * Every element of the subject the actor may see, with history and open conflicts, for the given purpose;
     * audited like {@link #read}.
     */
    Dossier dossier(Actor actor, SubjectRef subject, String purpose);
}
