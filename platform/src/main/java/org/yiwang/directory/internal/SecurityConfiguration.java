package org.yiwang.directory.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.yiwang.kernel.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages: form login on our own {@code /login}, then for data and system administrators a TOTP code (Spring
 * Security's multi-factor authorization: every rule also asks for {@value SecondFactor#AUTHORITY} from an
 * administrator who signed in with a password), sessions (timeout {@code server.servlet.session.timeout}), CSRF.
 * {@code /api/**}: the session or an {@code X-Api-Key}; errors as problem JSON (401/403), never a redirect.
 * {@code /actuator/prometheus}: only the monitoring account (HTTP basic, {@code yiwang.monitoring.*}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] PUBLIC = {"/login", "/login/totp", "/login/oidc-unknown", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**",
            "/swagger-ui.html", "/error", "/public/**",
            // e-license verification is for anyone holding a license's identifier or QR code; the issuers' public keys
            "/verify", "/verify/*", "/verify/t/*", "/api/v1/licenses/*/verification",
            "/api/v1/licenses/verification/*", "/api/v1/licenses/signing-keys"};

    /**
     * Scripts only from our origin (htmx, our js; no eval); inline styles (htmx's indicator style, style attributes);
     * images also as data URIs (QR codes).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    static final String MONITORING = "MONITORING";

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Multi-factor authorization for URL and method rules alike: an administrator who proved a password must also
     * have proved a TOTP code; anyone else (and other first factors) as before.
     */
    @Bean
    static AuthorizationManagerFactory<Object> authorizationManagerFactory() {
        AuthorizationManager<Object> totp = AllRequiredFactorsAuthorizationManager.builder()
                .requireFactor(f -> f.authority(SecondFactor.AUTHORITY)).build();
        DefaultAuthorizationManagerFactory<Object> factory = new DefaultAuthorizationManagerFactory<>();
        factory.setAdditionalAuthorization((authentication, object) -> SecondFactor.required(authentication.get())
                ? totp.authorize(authentication, object) : new AuthorizationDecision(true));
        return factory;
    }

    /** Prometheus scrapes with its own credentials; without a configured password nobody reads the metrics. */
    @Bean
    @Order(1)
    SecurityFilterChain monitoringFilterChain(HttpSecurity http, PasswordEncoder encoder,
            @Value("${yiwang.monitoring.username:monitoring}") String username,
            @Value("${yiwang.monitoring.password:}") String password) throws Exception {
        UserDetailsService monitoring = password.isBlank() ? new InMemoryUserDetailsManager()
                : new InMemoryUserDetailsManager(User.withUsername(username).password(encoder.encode(password))
                        .authorities(MONITORING).build());
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("yiwang monitoring");
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(monitoring);
        provider.setPasswordEncoder(encoder);
        http.securityMatcher("/actuator/prometheus")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(MONITORING))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcUsers users, JdbcApiClients clients,
            LoginAttempts attempts, PasswordEncoder passwordEncoder, JsonMapper json, ProblemWriter problems,
            ObjectProvider<ClientRegistrationRepository> oidcProviders, OidcLogin oidc) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

        AuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), new NegatedRequestMatcher(api)));
        // a signed-in administrator without the code yet is sent to the code step, others see the 403 page
        DelegatingMissingAuthorityAccessDeniedHandler pageDenied = DelegatingMissingAuthorityAccessDeniedHandler.builder()
                .addEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login/totp"), SecondFactor.AUTHORITY).build();
        pageDenied.setDefaultAccessDeniedHandler(new AccessDeniedHandlerImpl());
        pageDenied.setRequestCache(requestCache);
        AccessDeniedHandler denied = (request, response, e) ->
                (api.matches(request) ? problems : pageDenied).handle(request, response, e);

        boolean oidcEnabled = oidcProviders.getIfAvailable() != null; // profile oidc: a provider is configured
        List<AuthenticationProvider> providers = new ArrayList<>(List.of(new ThrottledAuthenticationProvider(passwords, attempts)));
        if (oidcEnabled) {
            providers.add(new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), oidc));
        }
        http.authenticationManager(new ProviderManager(providers))
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
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentTypeOptions(options -> {}))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                (api.matches(request) ? problems : toLogin).commence(request, response, e))
                        .accessDeniedHandler(denied));
        if (oidcEnabled) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(oidc))
                    .successHandler(oidc.success())
                    .failureHandler(OidcLogin.failure()));
        }
        return http.build();
    }

    /**
     * Back to the login page with {@code ?locked=<seconds>} when the username must wait at this address, else
     * {@code ?error}; never says which part was wrong.
     */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof ThrottledAuthenticationProvider.Throttled t ? "/login?locked=" + t.seconds
                        : exception instanceof LockedException ? "/login?locked" : "/login?error"));
    }
}
