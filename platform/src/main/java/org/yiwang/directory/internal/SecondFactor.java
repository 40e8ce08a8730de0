package org.yiwang.directory.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;

/**
 * The second factor of data and system administrators: a TOTP secret per account, encrypted at rest, enrolled
 * at the first sign-in (the secret shown once as QR code and text, confirmed by the first right code), and a
 * code accepted at most once (the last accepted time step is kept, in the database so that nodes agree).
 */
@Component
class SecondFactor {

    /** The factor Spring Security's multi-factor authorization asks for, besides {@code FACTOR_PASSWORD}. */
    static final String AUTHORITY = "FACTOR_TOTP";
    static final Set<Role> ROLES = Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN);

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(JdbcClient jdbc, FieldCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Whether this sign-in still needs the code: an administrator who proved a password. Other factors (an API
     * key, an OpenID provider's login, which brings its own multi-factor policy) are not asked again.
     */
    static boolean required(Authentication authentication) {
        if (authentication == null) return false;
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        boolean password = authorities.stream().anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        boolean admin = authorities.stream().anyMatch(a -> ROLES.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
        return password && admin;
    }

    static boolean proven(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    /** The secret to enrol when the account has none confirmed yet (created on first call), else {@code null}. */
    @Transactional
    String enrolment(String username) {
        record State(byte[] secret, boolean confirmed) {}
        State state = jdbc.sql("SELECT totp_secret_cipher, totp_confirmed FROM directory_user WHERE username = ? FOR UPDATE")
                .param(username).query((rs, n) -> new State(rs.getBytes(1), rs.getBoolean(2))).single();
        if (state.confirmed()) return null;
        if (state.secret() != null) return cipher.decrypt(state.secret());
        String secret = Totp.newSecret(random);
        jdbc.sql("UPDATE directory_user SET totp_secret_cipher = ? WHERE username = ?")
                .params(cipher.encrypt(secret), username).update();
        return secret;
    }

    /**
     * Checks a code: right within ±{@value Totp#WINDOW} step and of a later step than the last accepted one (so the
     * same code twice is refused); the first right code confirms the enrolment.
     */
    @Transactional
    boolean verify(String username, String code) {
        byte[] sealed = jdbc.sql("SELECT totp_secret_cipher FROM directory_user WHERE username = ?").param(username)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
        if (sealed == null) return false;
        OptionalLong step = Totp.matchingStep(cipher.decrypt(sealed), code, clock.instant());
        if (step.isEmpty()) return false;
        // one statement: two nodes given the same code at once accept it once
        return jdbc.sql("""
                UPDATE directory_user SET totp_last_step = ?, totp_confirmed = TRUE
                WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step.getAsLong(), username, step.getAsLong()).update() == 1;
    }

    /** A system administrator resets an account's second factor: it enrols again at its next sign-in. */
    @Transactional
    boolean reset(String username) {
        return jdbc.sql("""
                UPDATE directory_user SET totp_secret_cipher = NULL, totp_confirmed = FALSE, totp_last_step = NULL
                WHERE username = ?""").param(username).update() == 1;
    }
}
