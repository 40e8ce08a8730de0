package org.yiwang.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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

    JdbcUsers(JdbcClient jdbc, PasswordEncoder passwords, FieldCipher cipher, Directory directory) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.cipher = cipher;
        this.directory = directory;
    }

    @Override
    @Transactional
    public User create(NewUser user) {
        Validated valid = validate(user);
        long id;
        try {
            id = insert(user, valid);
        } catch (DuplicateKeyException e) { // created concurrently since validation
            throw String.valueOf(e.getMostSpecificCause().getMessage()).contains("directory_user_citizen_idx")
                    ? new InvalidInputException("citizenId", "unique", "该身份号码已有账号 / an account exists for this ID")
                    : new InvalidInputException("username", "unique", "用户名已存在 / username is taken");
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
            errors.add(new Violation("username", "format",
                    "用户名为3–32位小写字母、数字或 . _ -,以字母开头 / 3–32 lower-case letters, digits, . _ -, starting with a letter"));
        } else if (find(user.username()).isPresent()) {
            errors.add(new Violation("username", "unique", "用户名已存在 / username is taken"));
        }
        if (user.password() == null || user.password().length() < 8 || user.password().length() > 72) {
            errors.add(new Violation("password", "length", "密码长度应为8–72位 / password must have 8–72 characters"));
        }
        if (user.displayName() == null || user.displayName().isBlank() || user.displayName().length() > 50) {
            errors.add(new Violation("displayName", "required", "请填写姓名(至多50字)/ name required, at most 50 characters"));
        }
        Role role = user.role();
        if (role == null) {
            errors.add(new Violation("role", "known-role", "请选择角色 / unknown or missing role"));
        }
        String department = blankToNull(user.departmentCode());
        if (department == null && role != null && !WITHOUT_DEPARTMENT.contains(role)) {
            errors.add(new Violation("departmentCode", "required", "工作人员须属于一个部门 / staff need a department"));
        } else if (department != null && directory.department(department).isEmpty()) {
            errors.add(new Violation("departmentCode", "known-department", "部门不存在 / unknown department"));
        }
        String scope = blankToNull(user.scopeDivision());
        if (scope != null && directory.division(scope).isEmpty()) {
            errors.add(new Violation("scopeDivision", "known-division", "行政区划不存在 / unknown division"));
        }
        CitizenId citizenId = null;
        if (role == Role.RESIDENT) {
            try {
                citizenId = CitizenId.parse("citizenId", user.citizenId());
                if (jdbc.sql("SELECT count(*) FROM directory_user WHERE citizen_id_index = ?")
                        .param(cipher.blindIndex(citizenId.value())).query(Long.class).single() > 0) {
                    errors.add(new Violation("citizenId", "unique", "该身份号码已有账号 / an account exists for this ID"));
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        } else if (blankToNull(user.citizenId()) != null) {
            errors.add(new Violation("citizenId", "resident-only", "仅居民账号绑定身份号码 / only residents have a citizen ID"));
        }
        Set<CreditCode> creditCodes = new LinkedHashSet<>();
        if (role == Role.ENTERPRISE) {
            if (user.creditCodes().isEmpty()) {
                errors.add(new Violation("creditCodes", "required", "请填写统一社会信用代码 / credit code required"));
            }
            for (String raw : user.creditCodes()) {
                try {
                    creditCodes.add(CreditCode.parse("creditCodes", raw));
                } catch (InvalidInputException e) {
                    errors.addAll(e.violations());
                }
            }
        } else if (!user.creditCodes().isEmpty()) {
            errors.add(new Violation("creditCodes", "enterprise-only", "仅企业账号绑定信用代码 / only enterprises have credit codes"));
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
            throw new NotFoundProblem("username", "用户不存在 / unknown user");
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
