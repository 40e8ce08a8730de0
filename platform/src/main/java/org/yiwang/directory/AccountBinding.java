package org.yiwang.directory;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;

/**
 * A system administrator's action on the binding of a resident account to a person, published inside the action's
 * transaction so that the audit records it with the action (an administrator's use of the person's ID number).
 *
 * @param admin     the administrator who acted
 * @param username  the resident account
 * @param citizenId the person the account is (to be) bound to
 * @param step      requested by one administrator, approved by a second one
 */
public record AccountBinding(Actor admin, String username, CitizenId citizenId, Step step) {

    public enum Step { REQUESTED, APPROVED }

    @Override
    public String toString() {
        return "AccountBinding[" + username + ", " + step + " by " + admin.username() + "]";
    }
}
