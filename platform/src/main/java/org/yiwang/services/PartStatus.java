package org.yiwang.services;

import java.util.Map;
import java.util.Set;

/**
 * Where one department's part of an application stands. The same transitions serve the built-in workbench, a
 * department system's results and automatic decisions:
 * SUBMITTED → ACCEPTED | RETURNED | REJECTED; ACCEPTED → APPROVED | REJECTED | RETURNED; RETURNED → SUBMITTED
 * (the applicant corrected what was questioned). APPROVED and REJECTED are final.
 */
public enum PartStatus {
    SUBMITTED, ACCEPTED, RETURNED, APPROVED, REJECTED;

    private static final Map<PartStatus, Map<PartAction, PartStatus>> NEXT = Map.of(
            SUBMITTED, Map.of(PartAction.ACCEPT, ACCEPTED, PartAction.RETURN, RETURNED, PartAction.REJECT, REJECTED,
                    PartAction.APPROVE, APPROVED),
            ACCEPTED, Map.of(PartAction.APPROVE, APPROVED, PartAction.REJECT, REJECTED, PartAction.RETURN, RETURNED),
            RETURNED, Map.of(PartAction.RESUBMIT, SUBMITTED),
            APPROVED, Map.of(),
            REJECTED, Map.of());

    /** The status an action leads to, or {@code null} when the action is not allowed now. */
    public PartStatus after(PartAction action) {
        return NEXT.get(this).get(action);
    }

    public Set<PartAction> allowedActions() {
        return NEXT.get(this).keySet();
    }

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED;
    }
}
