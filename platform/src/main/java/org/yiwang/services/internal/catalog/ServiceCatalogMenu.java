package org.yiwang.services.internal.catalog;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;

/** The service guide for everyone (it is public anyway); the catalog's maintenance for the data administrator. */
@Configuration(proxyBeanMethods = false)
class ServiceCatalogMenu {

    @Bean
    MenuItem servicesGuideMenu() {
        return new MenuItem("services.catalog.menu.guide", "/services", EnumSet.allOf(Role.class), 100);
    }

    @Bean
    MenuItem servicesCatalogAdminMenu() {
        return new MenuItem("services.catalog.menu.admin", "/services/admin", Set.of(Role.DATA_ADMIN), 240);
    }
}
