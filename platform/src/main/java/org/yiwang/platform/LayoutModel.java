package org.yiwang.platform;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.kernel.MenuItem;

/** Gives every page the menu entries of the signed-in user's role. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<MenuItem> items;

    LayoutModel(List<MenuItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(MenuItem::order)).toList();
    }

    @ModelAttribute("currentUser")
    String currentUser(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("menu")
    List<MenuItem> menu(Authentication authentication) {
        if (authentication == null) return List.of();
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return items.stream()
                .filter(item -> item.roles().stream().anyMatch(role -> authorities.contains(role.authority())))
                .toList();
    }
}
