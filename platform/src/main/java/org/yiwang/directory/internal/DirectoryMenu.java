package org.yiwang.directory.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;

@Configuration(proxyBeanMethods = false)
class DirectoryMenu {

    private static final Set<Role> GOVERNANCE = Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN, Role.COMMAND_CENTER);

    @Bean
    MenuItem directoryDivisionsMenu() {
        return new MenuItem("directory.menu.divisions", "/directory/divisions", GOVERNANCE, 900);
    }

    @Bean
    MenuItem directoryDepartmentsMenu() {
        return new MenuItem("directory.menu.departments", "/directory/departments", GOVERNANCE, 910);
    }

    @Bean
    MenuItem directoryUsersMenu() {
        return new MenuItem("directory.menu.users", "/directory/users", Set.of(Role.SYSTEM_ADMIN), 920);
    }

    @Bean
    MenuItem directoryApiClientsMenu() {
        return new MenuItem("directory.menu.apiClients", "/directory/api-clients", Set.of(Role.SYSTEM_ADMIN), 930);
    }
}
