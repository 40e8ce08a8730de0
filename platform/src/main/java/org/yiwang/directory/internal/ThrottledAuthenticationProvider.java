package org.yiwang.directory.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form login through {@link LoginAttempts}: a locked username or client IP is refused before the password is
 * even checked (so the right password does not help), and every attempt is recorded.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

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
        if (attempts.locked(username, ip)) {
            attempts.record(username, ip, LoginAttempts.Outcome.LOCKED);
            throw new LockedException("too many failed attempts");
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
