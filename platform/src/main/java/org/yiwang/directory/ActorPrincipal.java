package org.yiwang.directory;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yiwang.kernel.Actor;

/**
 * The authenticated principal for users and API clients: carries the {@link Actor} every module's controllers
 * receive as a method argument.
 */
public record ActorPrincipal(Actor actor, String passwordHash, boolean enabled) implements UserDetails {

    public ActorPrincipal {
        java.util.Objects.requireNonNull(actor);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "ActorPrincipal[" + actor.username() + ", " + actor.role() + "]";
    }
}
