package org.yiwang.kernel;

import java.util.Set;

/**
 * Who is acting: a signed-in user or a department system's API client.
 *
 * @param username       login name or API client name
 * @param role           the role the actor acts in
 * @param departmentCode the department the actor works for; {@code null} for residents and enterprises
 * @param scopeDivision  administrative division the actor's data scope is limited to (e.g. a street's
 *                       9-digit code); {@code null} means no territorial limit
 * @param citizenId      for a resident, their own citizen ID (lets them read their own data); else {@code null}
 * @param creditCodes    for an enterprise user, the legal entities they represent
 */
public record Actor(String username, Role role, String departmentCode, DivisionCode scopeDivision,
                   CitizenId citizenId, Set<CreditCode> creditCodes) {

    public Actor {
        creditCodes = creditCodes == null ? Set.of() : Set.copyOf(creditCodes);
    }

    /** A system actor used by start-up jobs (demo loading, migrations of data); never a person. */
    public static Actor system(String departmentCode) {
        return new Actor("system", Role.SYSTEM_ADMIN, departmentCode, null, null, Set.of());
    }

    public boolean isSelf(CitizenId subject) {
        return citizenId != null && citizenId.equals(subject);
    }
}
