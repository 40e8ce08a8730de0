package org.yiwang.directory;

import java.time.Instant;
import org.yiwang.kernel.Role;

/** A registered department system (its key is never readable again). */
public record ApiClient(long id, String name, String departmentCode, Role role, String scopeDivision,
                        boolean enabled, Instant createdAt) {}
