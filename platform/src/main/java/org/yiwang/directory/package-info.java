/**
 * Directory (组织与权限): administrative divisions (GB/T 2260 and the statistics bureau's street and community
 * codes), departments and their level, grids, users, roles and data scopes, API clients, login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory",
        allowedDependencies = {"kernel"})
package org.yiwang.directory;
