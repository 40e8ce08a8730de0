package org.yiwang.catalog.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;

/** The catalog's pages in the navigation menu: all for the data administrator. */
@Configuration(proxyBeanMethods = false)
class CatalogMenu {

    @Bean
    MenuItem catalogElementsMenu() {
        return new MenuItem("catalog.menu.elements", "/catalog/elements", Set.of(Role.DATA_ADMIN), 200);
    }

    @Bean
    MenuItem catalogCodeTablesMenu() {
        return new MenuItem("catalog.menu.codeTables", "/catalog/code-tables", Set.of(Role.DATA_ADMIN), 210);
    }

    @Bean
    MenuItem catalogListsMenu() {
        return new MenuItem("catalog.menu.lists", "/catalog/lists/responsibility", Set.of(Role.DATA_ADMIN), 220);
    }

    @Bean
    MenuItem catalogExplainMenu() {
        return new MenuItem("catalog.menu.explain", "/catalog/explain", Set.of(Role.DATA_ADMIN), 230);
    }
}
