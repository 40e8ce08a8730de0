package org.yiwang.directory.internal;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.directory.ApiClient;
import org.yiwang.directory.ApiClients;
import org.yiwang.directory.Department;
import org.yiwang.directory.Directory;
import org.yiwang.directory.Division;
import org.yiwang.directory.User;
import org.yiwang.directory.Users;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;

/** Divisions and departments for every signed-in caller; users and API clients for system administrators. */
@RestController
@RequestMapping("/api/v1")
class DirectoryApi {

    private final Directory directory;
    private final Users users;
    private final ApiClients clients;
    private final JdbcUsers accounts;
    private final LoginAttempts attempts;

    DirectoryApi(Directory directory, Users users, ApiClients clients, JdbcUsers accounts, LoginAttempts attempts) {
        this.directory = directory;
        this.users = users;
        this.clients = clients;
        this.accounts = accounts;
        this.attempts = attempts;
    }

    @GetMapping("/divisions/{code}")
    Division division(@PathVariable String code) {
        return directory.division(code).orElseThrow(() -> unknownDivision());
    }

    @GetMapping("/divisions/{code}/children")
    List<Division> children(@PathVariable String code) {
        division(code);
        return directory.children(code);
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return directory.departments();
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<User> users() {
        return users.list();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    User createUser(@RequestBody UserForm form, Actor actor) {
        return accounts.createByAdmin(form.toNewUser(), actor);
    }

    /** A second system administrator approves the pending binding of a resident account to its citizen ID. */
    @PostMapping("/users/{username}/binding/approval")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    User approveBinding(@PathVariable String username, Actor actor) {
        return accounts.approveBinding(username, actor);
    }

    record NewPassword(String password) {}

    @PostMapping("/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void setPassword(@PathVariable String username, @RequestBody NewPassword body) {
        accounts.setPassword(username, body.password());
    }

    /** Lifts the login waits of a username, from every address. */
    @PostMapping("/users/{username}/unlock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void unlock(@PathVariable String username) {
        users.find(username).orElseThrow(JdbcUsers::unknownUser);
        attempts.unlock(username);
        attempts.unlock("totp:" + username);
    }

    @PostMapping("/users/{username}/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    User disableUser(@PathVariable String username) {
        users.setEnabled(username, false);
        return users.find(username).orElseThrow();
    }

    @PostMapping("/users/{username}/enable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    User enableUser(@PathVariable String username) {
        users.setEnabled(username, true);
        return users.find(username).orElseThrow();
    }

    @GetMapping("/api-clients")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<ApiClient> apiClients() {
        return clients.list();
    }

    record NewApiClient(String name, String departmentCode, String role, String scopeDivision) {}

    /** The key is in this answer only; it cannot be read again. */
    @PostMapping("/api-clients")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    Map<String, String> createApiClient(@RequestBody NewApiClient body) {
        Role role = body.role() == null || body.role().isBlank() ? Role.DEPARTMENT_OFFICER : role(body.role());
        return Map.of("name", String.valueOf(body.name()),
                "key", clients.create(body.name(), body.departmentCode(), role, body.scopeDivision()));
    }

    @PostMapping("/api-clients/{name}/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void disableApiClient(@PathVariable String name) {
        clients.disable(name);
    }

    static Role role(String name) {
        for (Role r : Role.values()) if (r.name().equals(name)) return r;
        return null;
    }

    private static NotFoundProblem unknownDivision() {
        return new NotFoundProblem("code", "unknown division");
    }
}
