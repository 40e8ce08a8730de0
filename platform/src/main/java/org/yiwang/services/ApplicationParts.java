package org.yiwang.services;

import java.util.UUID;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;

/**
 * Parts as departments handle them. The built-in workbench, a department system's results (exchange) and
 * automatic decisions all go through {@link #decide}, so the state machine lives in one place.
 */
public interface ApplicationParts {

    /**
     * The part with its values read for the actor's department under the item's purpose (audited).
     *
     * @throws AccessDeniedProblem unless the actor works for the part's department
     * @throws NotFoundProblem     no such part
     */
    Part part(Actor actor, UUID partId);

    /**
     * Applies a decision: moves the part through {@link PartStatus}, records it on the timeline, notifies the
     * applicant and, on approval, issues the item's result license — all in one transaction.
     *
     * @throws AccessDeniedProblem   unless the actor works for the part's department (reason {@code other-department})
     * @throws InvalidInputException (409, rule {@code state}) when the action is not allowed in the part's status;
     *                               (400) a missing reason, a questioned element the item does not have
     */
    Part decide(Actor actor, UUID partId, PartDecision decision);
}
