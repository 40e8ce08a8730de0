package org.yiwang.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.directory.AccountBinding;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.directory.Directory;
import org.yiwang.directory.NewUser;
import org.yiwang.directory.User;
import org.yiwang.directory.Users;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;

/** Accounts in {@code directory_user}; also the {@link UserDetailsService} of form login. */
@Service
class JdbcUsers implements Users, UserDetailsService {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_.-]{2,31}");
    private static final Set<Role> WITHOUT_DEPARTMENT = Set.of(Role.RESIDENT, Role.ENTERPRISE);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final FieldCipher cipher;
    private final Directory directory;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcUsers(JdbcClient jdbc, PasswordEncoder passwords, FieldCipher cipher, Directory directory,
            PasswordPolicy policy, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.cipher = cipher;
        this.directory = directory;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An account created by a system administrator: a resident's citizen ID is not bound at once but waits for a
     * second administrator's approval ({@link #approveBinding}), so that no single administrator can make an account
     * read a person as that person. The request is audited.
     */
    @Transactional
    public User createByAdmin(NewUser user, Actor admin) {
        if (user.role() != Role.RESIDENT || blankToNull(user.citizenId()) == null) return create(user);
        User created = create(new NewUser(user.username(), user.password(), user.displayName(), user.role(),
                user.departmentCode(), user.scopeDivision(), null, user.creditCodes()), user.citizenId());
        CitizenId id = CitizenId.parse("citizenId", user.citizenId());
        jdbc.sql("""
                UPDATE directory_user SET binding_citizen_id_cipher = ?, binding_citizen_id_index = ?,
                    binding_requested_by = ?, binding_requested_at = ? WHERE username = ?""")
                .params(cipher.encrypt(id.value()), cipher.blindIndex(id.value()), admin.username(),
                        Timestamp.from(clock.instant()), user.username()).update();
        events.publishEvent(new AccountBinding(admin, user.username(), id, AccountBinding.Step.REQUESTED));
        return find(user.username()).orElseThrow();
    }

    /**
     * A second system administrator approves a pending binding: from now on the account is that person.
     *
     * @throws InvalidInputException {@code four-eyes} when the approver requested it, {@code no-pending-binding},
     *                               {@code citizen-id-taken}
     */
    @Transactional
    public User approveBinding(String username, Actor approver) {
        var pending = jdbc.sql("""
                SELECT binding_citizen_id_cipher, binding_requested_by FROM directory_user
                WHERE username = ? AND binding_citizen_id_cipher IS NOT NULL FOR UPDATE""").param(username)
                .query((rs, n) -> Map.entry(rs.getBytes(1), rs.getString(2))).optional()
                .orElseThrow(() -> InvalidInputException.of("username", "no-pending-binding"));
        if (pending.getValue().equals(approver.username())) {
            throw InvalidInputException.of("username", "four-eyes");
        }
        CitizenId id = new CitizenId(cipher.decrypt(pending.getKey()));
        if (jdbc.sql("SELECT count(*) FROM directory_user WHERE citizen_id_index = ?")
                .param(cipher.blindIndex(id.value())).query(Long.class).single() > 0) {
            throw InvalidInputException.of("citizenId", "citizen-id-taken");
        }
        jdbc.sql("""
                UPDATE directory_user SET citizen_id_cipher = binding_citizen_id_cipher,
                    citizen_id_index = binding_citizen_id_index, binding_citizen_id_cipher = NULL,
                    binding_citizen_id_index = NULL, binding_requested_by = NULL, binding_requested_at = NULL
                WHERE username = ?""").param(username).update();
        events.publishEvent(new AccountBinding(approver, username, id, AccountBinding.Step.APPROVED));
        return find(username).orElseThrow();
    }

    /** Usernames of the accounts whose binding waits for a second administrator, with who requested it. */
    Map<String, String> pendingBindings() {
        return jdbc.sql("SELECT username, binding_requested_by FROM directory_user WHERE binding_citizen_id_cipher IS NOT NULL")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether the account waits for a second administrator to approve its binding. */
    boolean bindingPending(String username) {
        return jdbc.sql("SELECT binding_citizen_id_cipher IS NOT NULL FROM directory_user WHERE username = ?")
                .param(username).query(Boolean.class).optional().orElse(false);
    }

    /**
     * Sets a new password after the policy.
     *
     * @throws InvalidInputException naming the field {@code password}
     */
    @Transactional
    public void setPassword(String username, String password) {
        policy.check(username, password).ifPresent(v -> { throw new InvalidInputException(List.of(v)); });
        if (jdbc.sql("UPDATE directory_user SET password_hash = ? WHERE username = ?")
                .params(passwords.encode(password), username).update() == 0) {
            throw unknownUser();
        }
    }

    static NotFoundProblem unknownUser() {
        return new NotFoundProblem("username", "unknown user");
    }

    @Override
    @Transactional
    public User create(NewUser user) {
        return create(user, null);
    }

    /** @param pendingCitizenId a citizen ID checked like the account's own but bound later, or {@code null} */
    private User create(NewUser user, String pendingCitizenId) {
        Validated valid = validate(pendingCitizenId == null ? user : new NewUser(user.username(), user.password(),
                user.displayName(), user.role(), user.departmentCode(), user.scopeDivision(), pendingCitizenId,
                user.creditCodes()));
        if (pendingCitizenId != null) valid = new Validated(null, valid.creditCodes);
        long id;
        try {
            id = insert(user, valid);
        } catch (DuplicateKeyException e) { // created concurrently since validation
            throw String.valueOf(e.getMostSpecificCause().getMessage()).contains("directory_user_citizen_idx")
                    ? InvalidInputException.of("citizenId", "citizen-id-taken")
                    : InvalidInputException.of("username", "username-taken");
        }
        for (CreditCode code : valid.creditCodes) {
            jdbc.sql("INSERT INTO directory_user_credit_code (user_id, credit_code) VALUES (?, ?)")
                    .params(id, code.value()).update();
        }
        return find(user.username()).orElseThrow();
    }

    private long insert(NewUser user, Validated valid) {
        return jdbc.sql("""
                INSERT INTO directory_user (username, password_hash, display_name, role, department_code,
                    scope_division, citizen_id_cipher, citizen_id_index)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.username(), passwords.encode(user.password()), user.displayName().strip(),
                        user.role().name(), blankToNull(user.departmentCode()), blankToNull(user.scopeDivision()),
                        valid.citizenId == null ? null : cipher.encrypt(valid.citizenId.value()),
                        valid.citizenId == null ? null : cipher.blindIndex(valid.citizenId.value()))
                .query(Long.class).single();
    }

    private record Validated(CitizenId citizenId, Set<CreditCode> creditCodes) {}

    /** Collects every broken rule so that a form can show them all at once. */
    private Validated validate(NewUser user) {
        List<Violation> errors = new ArrayList<>();
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            errors.add(Violation.of("username", "username-format"));
        } else if (find(user.username()).isPresent()) {
            errors.add(Violation.of("username", "username-taken"));
        }
        policy.check(user.username(), user.password()).ifPresent(errors::add);
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 50) {
            errors.add(Violation.of("displayName", "display-name-required", 50));
        }
        Role role = user.role();
        if (role == null) {
            errors.add(Violation.of("role", "known-role"));
        }
        String department = blankToNull(user.departmentCode());
        if (department == null && role != null && !WITHOUT_DEPARTMENT.contains(role)) {
            errors.add(Violation.of("departmentCode", "staff-department"));
        } else if (department != null && directory.department(department).isEmpty()) {
            errors.add(Violation.of("departmentCode", "known-department"));
        }
        String scope = blankToNull(user.scopeDivision());
        if (scope != null && directory.division(scope).isEmpty()) {
            errors.add(Violation.of("scopeDivision", "known-division"));
        }
        CitizenId citizenId = null;
        if (role == Role.RESIDENT) {
            try {
                citizenId = CitizenId.parse("citizenId", user.citizenId());
                if (jdbc.sql("SELECT count(*) FROM directory_user WHERE citizen_id_index = ?")
                        .param(cipher.blindIndex(citizenId.value())).query(Long.class).single() > 0) {
                    errors.add(Violation.of("citizenId", "citizen-id-taken"));
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        } else if (blankToNull(user.citizenId()) != null) {
            errors.add(Violation.of("citizenId", "resident-only"));
        }
        Set<CreditCode> creditCodes = new LinkedHashSet<>();
        if (role == Role.ENTERPRISE) {
            if (user.creditCodes().isEmpty()) {
                errors.add(Violation.of("creditCodes", "credit-code-required"));
            }
            for (String raw : user.creditCodes()) {
                try {
                    creditCodes.add(CreditCode.parse("creditCodes", raw));
                } catch (InvalidInputException e) {
                    errors.addAll(e.violations());
                }
            }
        } else if (!user.creditCodes().isEmpty()) {
            errors.add(Violation.of("creditCodes", "enterprise-only"));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Validated(citizenId, creditCodes);
    }

    @Override
    public List<User> list() {
        Map<Long, Set<String>> codes = creditCodes(null);
        return jdbc.sql(SELECT + " ORDER BY username").query((rs, n) -> user(rs, codes)).list();
    }

    @Override
    public Optional<User> find(String username) {
        return row(username).map(r -> r.user);
    }

    @Override
    public Optional<Actor> actor(String username) {
        return row(username).map(r -> r.actor);
    }

    @Override
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        if (jdbc.sql("UPDATE directory_user SET enabled = ? WHERE username = ?").params(enabled, username).update() == 0) {
            throw unknownUser();
        }
    }

    @Override
    public ActorPrincipal loadUserByUsername(String username) {
        Row row = row(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new ActorPrincipal(row.actor, row.passwordHash, row.user.enabled());
    }

    private static final String SELECT = """
            SELECT id, username, password_hash, display_name, role, department_code, scope_division,
                   citizen_id_cipher, enabled, created_at FROM directory_user""";

    private record Row(User user, Actor actor, String passwordHash) {}

    private Optional<Row> row(String username) {
        return jdbc.sql(SELECT + " WHERE username = ?").param(username).query((rs, n) -> {
            long id = rs.getLong("id");
            Set<String> codes = creditCodes(id).getOrDefault(id, Set.of());
            User user = user(rs, Map.of(id, codes));
            byte[] sealed = rs.getBytes("citizen_id_cipher");
            Actor actor = new Actor(user.username(), user.role(), user.departmentCode(),
                    user.scopeDivision() == null ? null : DivisionCode.of(user.scopeDivision()),
                    sealed == null ? null : new CitizenId(cipher.decrypt(sealed)),
                    codes.stream().map(CreditCode::new).collect(Collectors.toSet()));
            return new Row(user, actor, rs.getString("password_hash"));
        }).optional();
    }

    private User user(ResultSet rs, Map<Long, Set<String>> codes) throws SQLException {
        long id = rs.getLong("id");
        byte[] sealed = rs.getBytes("citizen_id_cipher");
        return new User(id, rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getString("department_code"), rs.getString("scope_division"),
                sealed == null ? null : new CitizenId(cipher.decrypt(sealed)).masked(),
                codes.getOrDefault(id, Set.of()), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Credit codes per user id; all users when {@code userId} is null. */
    private Map<Long, Set<String>> creditCodes(Long userId) {
        var sql = jdbc.sql(userId == null
                ? "SELECT user_id, credit_code FROM directory_user_credit_code"
                : "SELECT user_id, credit_code FROM directory_user_credit_code WHERE user_id = ?");
        if (userId != null) sql = sql.param(userId);
        return sql.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(TreeSet::new))));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
