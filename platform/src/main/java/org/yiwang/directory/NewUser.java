package org.yiwang.directory;

import java.util.Set;
import org.yiwang.kernel.Role;

/**
 * A command to create an account.
 *
 * @param username       3–32 characters: lower-case letters, digits, {@code . _ -}, starting with a letter
 * @param password       plain text, 8–72 characters; only its hash is stored
 * @param displayName    the person's or office's name as shown in the UI
 * @param role           the role
 * @param departmentCode required for staff roles, must be a known department; {@code null} for residents and
 *                       enterprises
 * @param scopeDivision  a known division the data scope is limited to, or {@code null} for no territorial limit
 * @param citizenId      residents only: their citizen ID (stored encrypted)
 * @param creditCodes    enterprises only: the unified social credit codes they represent
 */
public record NewUser(String username, String password, String displayName, Role role, String departmentCode,
                      String scopeDivision, String citizenId, Set<String> creditCodes) {

    public NewUser {
        creditCodes = creditCodes == null ? Set.of() : Set.copyOf(creditCodes);
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + role + "]";
    }
}
