package org.yiwang.directory.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.directory.ApiClient;
import org.yiwang.directory.ApiClients;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;

/**
 * API clients in {@code directory_api_client}. A key is 256 random bits; the table keeps its SHA-256, so a key
 * is found by an indexed lookup of its hash (no secret-dependent string comparison, nothing to steal at rest).
 */
@Service
class JdbcApiClients implements ApiClients {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,63}");
    private static final String KEY_PREFIX = "yw_";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SecureRandom random = new SecureRandom();

    JdbcApiClients(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public String create(String name, String departmentCode) {
        return create(name, departmentCode, Role.DEPARTMENT_OFFICER, null);
    }

    @Override
    @Transactional
    public String create(String name, String departmentCode, Role role, String scopeDivision) {
        String scope = JdbcUsers.blankToNull(scopeDivision);
        List<Violation> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(Violation.of("name", "client-name-format"));
        } else if (jdbc.sql("SELECT count(*) FROM directory_api_client WHERE name = ?").param(name)
                .query(Long.class).single() > 0) {
            errors.add(Violation.of("name", "client-name-taken"));
        }
        if (departmentCode == null || directory.department(departmentCode).isEmpty()) {
            errors.add(Violation.of("departmentCode", "known-department"));
        }
        if (role == null || Set.of(Role.RESIDENT, Role.ENTERPRISE).contains(role)) {
            errors.add(Violation.of("role", "client-staff-role"));
        }
        if (scope != null && directory.division(scope).isEmpty()) {
            errors.add(Violation.of("scopeDivision", "known-division"));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            jdbc.sql("""
                    INSERT INTO directory_api_client (name, department_code, role, scope_division, key_hash)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(name, departmentCode, role.name(), scope, hash(key)).update();
        } catch (DuplicateKeyException e) { // created concurrently since validation
            throw InvalidInputException.of("name", "client-name-taken");
        }
        return key;
    }

    @Override
    @Transactional
    public void register(String name, String departmentCode, String key) {
        List<Violation> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(Violation.of("name", "client-name-format"));
        }
        if (departmentCode == null || directory.department(departmentCode).isEmpty()) {
            errors.add(Violation.of("departmentCode", "known-department"));
        }
        if (key == null || key.length() < 32) {
            errors.add(Violation.of("key", "key-min-length", 32));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        jdbc.sql("""
                INSERT INTO directory_api_client (name, department_code, role, scope_division, key_hash)
                VALUES (?, ?, ?, NULL, ?)
                ON CONFLICT (name) DO UPDATE SET key_hash = EXCLUDED.key_hash, department_code = EXCLUDED.department_code,
                    enabled = TRUE""")
                .params(name, departmentCode, Role.DEPARTMENT_OFFICER.name(), hash(key)).update();
        recent.clear();
    }

    @Override
    public List<ApiClient> list() {
        return jdbc.sql("""
                SELECT id, name, department_code, role, scope_division, enabled, created_at
                FROM directory_api_client ORDER BY name""")
                .query((rs, n) -> new ApiClient(rs.getLong("id"), rs.getString("name"), rs.getString("department_code"),
                        Role.valueOf(rs.getString("role")), rs.getString("scope_division"), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    @Transactional
    public void disable(String name) {
        if (jdbc.sql("UPDATE directory_api_client SET enabled = FALSE WHERE name = ?").param(name).update() == 0) {
            throw new NotFoundProblem("name", "unknown API client");
        }
        recent.values().removeIf(hit -> hit.actor().map(a -> a.username().equals(name)).orElse(false));
    }

    /** A looked-up key, kept briefly: department systems call many times a second with the same key. */
    private record Hit(Optional<Actor> actor, long until) {}

    private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_KEPT = 10_000;
    // a disabled key stops working at once on this node and within 30 s on the others
    private final java.util.concurrent.ConcurrentHashMap<String, Hit> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /** The actor of an enabled client holding this key. */
    Optional<Actor> authenticate(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 100) return Optional.empty();
        String hash = hash(key);
        long now = System.nanoTime();
        Hit hit = recent.get(hash);
        if (hit != null && hit.until() - now > 0) return hit.actor();
        if (recent.size() > MAX_KEPT) recent.clear();
        Optional<Actor> actor = lookup(hash);
        if (actor.isPresent()) recent.put(hash, new Hit(actor, now + KEEP_NANOS));
        return actor;
    }

    private Optional<Actor> lookup(String hash) {
        return jdbc.sql("""
                SELECT name, department_code, role, scope_division FROM directory_api_client
                WHERE key_hash = ? AND enabled""")
                .param(hash)
                .query((rs, n) -> new Actor(rs.getString("name"), Role.valueOf(rs.getString("role")),
                        rs.getString("department_code"),
                        rs.getString("scope_division") == null ? null : DivisionCode.of(rs.getString("scope_division")),
                        null, Set.of()))
                .optional();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
