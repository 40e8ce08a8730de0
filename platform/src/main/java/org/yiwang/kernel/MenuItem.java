package org.yiwang.kernel;

import java.util.Set;

/**
 * An entry of the navigation menu. Each module declares its pages as {@code @Bean MenuItem}s; the shared
 * layout shows the entries whose roles include the signed-in user's role, ordered by {@code order}.
 *
 * @param messageKey message bundle key of the label
 * @param path       the page's path
 * @param roles      roles that see the entry
 * @param order      position in the menu
 */
public record MenuItem(String messageKey, String path, Set<Role> roles, int order) {

    public MenuItem {
        roles = Set.copyOf(roles);
    }
}
