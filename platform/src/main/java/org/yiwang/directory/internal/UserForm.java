package org.yiwang.directory.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yiwang.directory.NewUser;
import org.yiwang.kernel.Role;

/**
 * A user as submitted by the admin page (credit codes in one text field) or the REST API (a JSON list). The role
 * stays text here so that an unknown role becomes a field error, not an unreadable request.
 */
record UserForm(String username, String password, String displayName, String role, String departmentCode,
                String scopeDivision, String citizenId, List<String> creditCodes, String creditCodesText) {

    static UserForm empty() {
        return new UserForm("", "", "", "", "", "", "", List.of(), "");
    }

    NewUser toNewUser() {
        Role parsed = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
        Set<String> codes = creditCodes != null ? Set.copyOf(creditCodes) : creditCodesText == null ? Set.of()
                : Arrays.stream(creditCodesText.split("[\\s,,;;]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return new NewUser(username, password, displayName, parsed, departmentCode, scopeDivision, citizenId, codes);
    }

    @Override
    public String toString() {
        return "UserForm[" + username + ", " + role + "]";
    }
}
