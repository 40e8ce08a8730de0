package org.yiwang.directory.internal;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.yiwang.directory.NewUser;
import org.yiwang.directory.Users;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;

/**
 * One demo account per role, created at start when {@code yiwang.demo.enabled} (idempotent: existing accounts
 * are left alone). The shared password is documented in README.md and never logged.
 */
@Component
@ConditionalOnProperty(prefix = "yiwang.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    static final String PASSWORD = "yiwang2026";
    /** 张伟, created in the base by the demo loader. */
    static final String RESIDENT_CITIZEN_ID = "310104199003074211";
    static final String ENTERPRISE_CREDIT_CODE = "91310104MA1FL0QX48";

    private final Users users;

    DemoAccounts(Users users) {
        this.users = users;
    }

    static List<NewUser> accounts() {
        return List.of(
                account("resident", "张伟", Role.RESIDENT, null, null, RESIDENT_CITIZEN_ID, Set.of()),
                account("enterprise", "示范企业经办人", Role.ENTERPRISE, null, null, null, Set.of(ENTERPRISE_CREDIT_CODE)),
                account("clerk", "综合窗口受理员", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of()),
                account("officer", "市场监管局工作人员", Role.DEPARTMENT_OFFICER, "310104-SCJG", null, null, Set.of()),
                account("health", "卫健委工作人员", Role.DEPARTMENT_OFFICER, "310104-WJW", null, null, Set.of()),
                account("commerce", "商务委工作人员", Role.DEPARTMENT_OFFICER, "310104-SW", null, null, Set.of()),
                account("police", "公安分局治安支队民警", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of()),
                account("housing", "房管局登记人员", Role.DEPARTMENT_OFFICER, "310104-FG", null, null, Set.of()),
                account("tax", "税务局工作人员", Role.DEPARTMENT_OFFICER, "310104-SWJ", null, null, Set.of()),
                account("transport", "交通委工作人员", Role.DEPARTMENT_OFFICER, "310104-JT", null, null, Set.of()),
                account("grid", "徐家汇街道网格员", Role.GRID_WORKER, "310104014-JD", "310104014", null, Set.of()),
                account("command", "城运中心值班员", Role.COMMAND_CENTER, "310104-CY", null, null, Set.of()),
                account("admin", "数据管理员", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of()),
                account("sysadmin", "系统管理员", Role.SYSTEM_ADMIN, "310000-DSJ", null, null, Set.of()));
    }

    private static NewUser account(String username, String name, Role role, String department, String scope,
            String citizenId, Set<String> creditCodes) {
        return new NewUser(username, PASSWORD, name, role, department, scope, citizenId, creditCodes);
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (NewUser account : accounts()) {
            if (users.find(account.username()).isPresent()) continue;
            try {
                users.create(account);
                created++;
            } catch (InvalidInputException e) {
                // another node created it at the same moment: a unique rule is the only one a demo account breaks
                if (e.violations().stream().anyMatch(v -> !v.rule().equals("unique"))) throw e;
            }
        }
        log.info("Demo accounts: see README.md, section Demo accounts ({} created now)", created);
    }
}
