package org.yiwang.directory.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.directory.ApiClients;
import org.yiwang.kernel.Actor;

/**
 * Authenticates {@code /api/**} requests carrying {@code X-Api-Key} as that department system, for this request
 * only (nothing goes into a session). A wrong or disabled key is answered 401 at once and never falls through to
 * a session login: CSRF protection is skipped exactly for the requests this filter authenticated.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String AUTHENTICATED_BY_KEY = ApiKeyAuthenticationFilter.class.getName() + ".AUTHENTICATED";

    private final RequestMatcher api;
    private final JdbcApiClients clients;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(RequestMatcher api, JdbcApiClients clients, ProblemWriter problems) {
        this.api = api;
        this.clients = clients;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(ApiClients.HEADER) == null || !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = clients.authenticate(request.getHeader(ApiClients.HEADER));
        if (actor.isEmpty()) {
            problems.write(request, response, 401, "invalid-api-key");
            return;
        }
        ActorPrincipal principal = new ActorPrincipal(actor.get(), "", true);
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        request.setAttribute(AUTHENTICATED_BY_KEY, Boolean.TRUE);
        chain.doFilter(request, response);
    }
}
