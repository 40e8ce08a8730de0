package org.yiwang.directory;

import java.time.Instant;
import java.util.Set;
import org.yiwang.kernel.Role;

/**
 * An account as shown to administrators; never carries the password hash or a citizen ID in clear.
 *
 * @param citizenIdMasked residents: their citizen ID masked ({@code 3101**********4211}); else {@code null}
 */
public record User(long id, String username, String displayName, Role role, String departmentCode,
                   String scopeDivision, String citizenIdMasked, Set<String> creditCodes, boolean enabled,
                   Instant createdAt) {}
