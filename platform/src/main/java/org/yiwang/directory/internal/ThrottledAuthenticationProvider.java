package org.yiwang.directory.internal;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form login through {@link LoginAttempts}: a username waiting at this address is refused before the password is
 * even checked (so the right password does not help), and every attempt is recorded.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Refused because the username must wait at this address; says how long. */
    static final class Throttled extends LockedException {
        final long seconds;

        Throttled(Duration wait) {
            super("too many failed attempts");
            this.seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginAttempts attempts;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginAttempts attempts) {
        this.passwords = passwords;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Optional<Duration> wait = attempts.blocked(username, ip);
        if (wait.isPresent()) {
            attempts.record(username, ip, LoginAttempts.Outcome.LOCKED);
            throw new Throttled(wait.get());
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.record(username, ip, LoginAttempts.Outcome.SUCCESS);
            return result;
        } catch (AuthenticationException e) {
            attempts.record(username, ip, LoginAttempts.Outcome.FAILURE);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
