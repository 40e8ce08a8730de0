package org.yiwang.directory.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limit of form login, kept in PostgreSQL so that every node sees the same counts: {@code maxFailures}
 * failed attempts for one username within {@code window} lock that username for {@code lock}; a success
 * resets the username's count. A client IP is locked the same way after {@code maxFailuresPerIp} failures
 * (higher, because an office shares one address); successes do not reset it.
 */
@Component
class LoginAttempts {

    enum Outcome { SUCCESS, FAILURE, LOCKED }

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final int maxFailuresPerIp;
    private final Duration window;
    private final Duration lock;

    LoginAttempts(JdbcClient jdbc,
            @Value("${yiwang.login.max-failures:5}") int maxFailures,
            @Value("${yiwang.login.max-failures-per-ip:20}") int maxFailuresPerIp,
            @Value("${yiwang.login.window:15m}") Duration window,
            @Value("${yiwang.login.lock:15m}") Duration lock) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.maxFailuresPerIp = maxFailuresPerIp;
        this.window = window;
        this.lock = lock;
    }

    void record(String username, String clientIp, Outcome outcome) {
        jdbc.sql("INSERT INTO directory_login_attempt (username, client_ip, outcome) VALUES (?, ?, ?)")
                .params(clip(username), clip(clientIp), outcome.name()).update();
    }

    boolean locked(String username, String clientIp) {
        return locked(failures("username", clip(username), true), maxFailures)
                || locked(failures("client_ip", clip(clientIp), false), maxFailuresPerIp);
    }

    /** Locked when the last {@code max} failures fall within the window and the newest is less than the lock ago. */
    private boolean locked(Failures f, int max) {
        if (f.times().size() < max) return false;
        Instant newest = f.times().get(0);
        Instant oldest = f.times().get(max - 1);
        return !newest.minus(window).isAfter(oldest) && f.now().isBefore(newest.plus(lock));
    }

    private record Failures(List<Instant> times, Instant now) {}

    private Failures failures(String column, String key, boolean resetBySuccess) {
        String sinceSuccess = resetBySuccess ? """
                AND attempted_at > coalesce((SELECT max(attempted_at) FROM directory_login_attempt
                    WHERE %1$s = :key AND outcome = 'SUCCESS'), '-infinity')""".formatted(column) : "";
        List<Instant> times = jdbc.sql("""
                SELECT attempted_at FROM directory_login_attempt
                WHERE %1$s = :key AND outcome = 'FAILURE' AND attempted_at > now() - :horizon * interval '1 second' %2$s
                ORDER BY attempted_at DESC LIMIT :max""".formatted(column, sinceSuccess))
                .param("key", key).param("horizon", window.plus(lock).toSeconds())
                .param("max", Math.max(maxFailures, maxFailuresPerIp))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        Instant now = jdbc.sql("SELECT now()").query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
        return new Failures(times, now);
    }

    private static String clip(String s) {
        if (s == null || s.isEmpty()) return "?";
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
