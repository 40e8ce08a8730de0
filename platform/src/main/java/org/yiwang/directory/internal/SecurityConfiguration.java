package org.yiwang.directory.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yiwang.kernel.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages: form login on our own {@code /login}, sessions (timeout {@code server.servlet.session.timeout}), CSRF.
 * {@code /api/**}: the session or an {@code X-Api-Key}; errors as problem JSON (401/403), never a redirect.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
            "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/error", "/public/**",
            // e-license verification is for anyone holding a license's identifier or QR code; the issuers' public keys
            "/verify", "/verify/*", "/verify/t/*", "/api/v1/licenses/*/verification",
            "/api/v1/licenses/verification/*", "/api/v1/licenses/signing-keys"};

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcUsers users, JdbcApiClients clients,
            LoginAttempts attempts, PasswordEncoder passwordEncoder, JsonMapper json) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        ProblemWriter problems = new ProblemWriter(json);

        AuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        AccessDeniedHandler pageDenied = new AccessDeniedHandlerImpl();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), new NegatedRequestMatcher(api)));

        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, attempts)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(api, clients, problems), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        // the service guide (办事指南) is public information: read without signing in
                        .requestMatchers(HttpMethod.GET, "/services", "/services/items/*", "/services/bundles/*").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getAttribute(ApiKeyAuthenticationFilter.AUTHENTICATED_BY_KEY) != null))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                (api.matches(request) ? problems : toLogin).commence(request, response, e))
                        .accessDeniedHandler((request, response, e) ->
                                (api.matches(request) ? problems : pageDenied).handle(request, response, e)));
        return http.build();
    }

    /** Back to the login page with {@code ?locked} when rate-limited, else {@code ?error}; never says which part was wrong. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
