package org.yiwang.directory.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.yiwang.directory.ActorPrincipal;

/**
 * OpenID Connect login (profile {@code oidc}): the provider proves who the person is, the directory says what
 * they may do. The claim {@code yiwang.oidc.username-claim} (default {@code preferred_username}) names the
 * directory user; someone the provider knows but the directory does not is refused with a page of ours. After
 * sign-in the session holds the same {@link ActorPrincipal} as a password sign-in, with the factor
 * {@code FACTOR_AUTHORIZATION_CODE} (the provider's own multi-factor policy applies there).
 */
@Component
class OidcLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN_USER = "unknown_user";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcLogin.class);

    private final OidcUserService provider = new OidcUserService();
    private final JdbcUsers users;
    private final String claim;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcLogin(JdbcUsers users, @Value("${yiwang.oidc.username-claim:preferred_username}") String claim) {
        this.users = users;
        this.claim = claim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        principal(user); // refuses an unknown or disabled user before any session is made
        return user;
    }

    private ActorPrincipal principal(OidcUser user) {
        String username = user.getClaimAsString(claim);
        try {
            ActorPrincipal principal = username == null ? null : users.loadUserByUsername(username);
            if (principal != null && principal.isEnabled()) return principal;
        } catch (UsernameNotFoundException e) {
            // refused below
        }
        throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER, "no enabled directory user", null));
    }

    /** Replaces the provider's token by the directory's principal, so that every module sees the same actor. */
    AuthenticationSuccessHandler success() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            ActorPrincipal principal = principal((OidcUser) authentication.getPrincipal());
            List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
            var token = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
            SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            context.setAuthentication(token);
            SecurityContextHolder.getContextHolderStrategy().setContext(context);
            contexts.saveContext(context, request, response);
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            // the provider's error code and text only: never a token nor a claim value
            log.warn("OpenID Connect sign-in refused: {}", exception.getMessage());
            response.sendRedirect(request.getContextPath()
                + (exception instanceof OAuth2AuthenticationException e && UNKNOWN_USER.equals(e.getError().getErrorCode())
                        ? "/login/oidc-unknown" : "/login?error"));
        };
    }
}
