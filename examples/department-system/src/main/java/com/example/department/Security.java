package com.example.department;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only its officers see what it received (clear ID numbers) and send decisions: its pages behind a form login, its
 * JSON API behind the same account over HTTP Basic. The webhook {@code /intake} needs no login — yiwang's HMAC
 * signature is its credential ({@link SignatureCheck}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class Security {

    private static final Logger log = LoggerFactory.getLogger(Security.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService officers(DepartmentProperties department, PasswordEncoder encoder) {
        String password = department.officer().password();
        if (password == null || password.isBlank()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = HexFormat.of().formatHex(random);
            log.warn("No department.officer.password set: generated password for '{}' is {}",
                    department.officer().username(), password);
        }
        return new InMemoryUserDetailsManager(User.withUsername(department.officer().username())
                .password(encoder.encode(password)).roles("OFFICER").build());
    }

    /** The webhook (signed, no login) and the JSON API (HTTP Basic, no session, no CSRF token: no cookies). */
    @Bean
    @Order(1)
    SecurityFilterChain machines(HttpSecurity http) throws Exception {
        return http.securityMatcher("/intake", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/intake").permitAll()
                        .anyRequest().hasRole("OFFICER"))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** The officers' pages: form login, CSRF-protected forms. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/department/**", "/error", "/favicon.ico").permitAll()
                        .anyRequest().hasRole("OFFICER"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }
}
