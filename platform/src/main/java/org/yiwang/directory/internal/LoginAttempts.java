package org.yiwang.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttling of form login, kept in PostgreSQL so that every node agrees. Failures are counted per username and
 * client address together: after {@code freeFailures} failures of one username from one address, that pair waits
 * {@code delay}, doubled with each further failure up to {@code maxDelay}. The same username from another address
 * is not slowed, so an attacker elsewhere cannot lock the real user out. One address is also slowed after
 * {@code freeFailuresPerIp} failures over any usernames (password spraying). A success clears its pair; a
 * failure after {@code window} of quiet starts the count again; a system administrator can unlock a username.
 * Every attempt is also kept in {@code directory_login_attempt}.
 */
@Component
class LoginAttempts {

    enum Outcome { SUCCESS, FAILURE, LOCKED }

    /** Any username: the row counting every failure of one address. */
    static final String ANY_USER = "*";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int freeFailures;
    private final int freeFailuresPerIp;
    private final Duration delay;
    private final Duration maxDelay;
    private final Duration window;

    LoginAttempts(JdbcClient jdbc, Clock clock,
            @Value("${yiwang.login.max-failures:5}") int freeFailures,
            @Value("${yiwang.login.max-failures-per-ip:20}") int freeFailuresPerIp,
            @Value("${yiwang.login.delay:30s}") Duration delay,
            @Value("${yiwang.login.max-delay:15m}") Duration maxDelay,
            @Value("${yiwang.login.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.freeFailuresPerIp = freeFailuresPerIp;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.window = window;
    }

    /** How long this username must still wait from this address, if at all. */
    Optional<Duration> blocked(String username, String clientIp) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT max(blocked_until) FROM directory_login_throttle
                WHERE client_ip = ? AND username IN (?, ?) AND blocked_until > ?""")
                .params(clip(clientIp), clip(username), ANY_USER, Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1)).optional()
                .filter(t -> t != null)
                .map(t -> Duration.between(now, t.toInstant()));
    }

    @Transactional
    void record(String username, String clientIp, Outcome outcome) {
        String user = clip(username), ip = clip(clientIp);
        jdbc.sql("INSERT INTO directory_login_attempt (username, client_ip, outcome) VALUES (?, ?, ?)")
                .params(user, ip, outcome.name()).update();
        if (outcome == Outcome.SUCCESS) {
            jdbc.sql("DELETE FROM directory_login_throttle WHERE username = ? AND client_ip = ?").params(user, ip).update();
        } else if (outcome == Outcome.FAILURE) {
            fail(user, ip, freeFailures);
            fail(ANY_USER, ip, freeFailuresPerIp);
        }
    }

    /** Counts one failure of the pair (in one statement, so concurrent nodes never lose a count) and sets its wait. */
    private void fail(String user, String ip, int free) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp quietSince = Timestamp.from(clock.instant().minus(window));
        int failures = jdbc.sql("""
                INSERT INTO directory_login_throttle AS t (username, client_ip, failures, last_failure_at)
                VALUES (?, ?, 1, ?)
                ON CONFLICT (username, client_ip) DO UPDATE SET
                    failures = CASE WHEN t.last_failure_at < ? AND (t.blocked_until IS NULL OR t.blocked_until < ?)
                                    THEN 1 ELSE t.failures + 1 END,
                    last_failure_at = excluded.last_failure_at
                RETURNING failures""")
                .params(user, ip, now, quietSince, now).query(Integer.class).single();
        Optional<Duration> wait = wait(failures, free, delay, maxDelay);
        if (wait.isPresent()) {
            jdbc.sql("UPDATE directory_login_throttle SET blocked_until = ? WHERE username = ? AND client_ip = ?")
                    .params(Timestamp.from(clock.instant().plus(wait.get())), user, ip).update();
        }
    }

    /** The wait after {@code failures} failures: none up to {@code free}, then {@code delay} doubling to {@code max}. */
    static Optional<Duration> wait(int failures, int free, Duration delay, Duration max) {
        if (failures < free) return Optional.empty();
        int doublings = Math.min(failures - free, 30);
        Duration d = delay.multipliedBy(1L << doublings);
        return Optional.of(d.compareTo(max) > 0 ? max : d);
    }

    /** Lifts every wait of this username, from any address; returns whether there was one. */
    @Transactional
    boolean unlock(String username) {
        return jdbc.sql("DELETE FROM directory_login_throttle WHERE username = ?").param(clip(username)).update() > 0;
    }

    private static String clip(String s) {
        if (s == null || s.isEmpty()) return "?";
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
