package org.yiwang.directory.internal;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;
import org.yiwang.directory.ApiClients;
import org.yiwang.directory.Directory;
import org.yiwang.directory.Division;
import org.yiwang.directory.Users;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.kernel.Role;

/** Pages: users and API clients (system administrator), departments and the division browser. */
@Controller
@RequestMapping("/directory")
class DirectoryPages {

    static final String DEMO_DISTRICT = "310104";

    private final Directory directory;
    private final Users users;
    private final ApiClients clients;
    private final JdbcUsers accounts;
    private final LoginAttempts attempts;
    private final SecondFactor factor;
    private final ViolationTexts texts;

    DirectoryPages(Directory directory, Users users, ApiClients clients, JdbcUsers accounts, LoginAttempts attempts,
            SecondFactor factor, ViolationTexts texts) {
        this.directory = directory;
        this.users = users;
        this.clients = clients;
        this.accounts = accounts;
        this.attempts = attempts;
        this.factor = factor;
        this.texts = texts;
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String users(Model model) {
        return usersPage(model, UserForm.empty());
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createUser(@ModelAttribute UserForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Actor actor) {
        try {
            accounts.createByAdmin(form.toNewUser(), actor);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.localise(e.violations()));
            return usersPage(model, new UserForm(form.username(), "", form.displayName(), form.role(),
                    form.departmentCode(), form.scopeDivision(), "", null, form.creditCodesText()));
        }
        redirect.addFlashAttribute(accounts.bindingPending(form.username()) ? "bindingRequested" : "created",
                form.username());
        return "redirect:/directory/users";
    }

    @PostMapping("/users/{username}/unlock")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        users.find(username).orElseThrow(JdbcUsers::unknownUser);
        attempts.unlock(username);
        attempts.unlock("totp:" + username);
        redirect.addFlashAttribute("unlocked", username);
        return "redirect:/directory/users";
    }

    @PostMapping("/users/{username}/totp/reset")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String resetTotp(@PathVariable String username, RedirectAttributes redirect) {
        if (!factor.reset(username)) throw JdbcUsers.unknownUser();
        redirect.addFlashAttribute("totpReset", username);
        return "redirect:/directory/users";
    }

    @PostMapping("/users/{username}/binding/approve")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String approveBinding(@PathVariable String username, Actor actor, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            accounts.approveBinding(username, actor);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.localise(e.violations()));
            return usersPage(model, UserForm.empty());
        }
        redirect.addFlashAttribute("bindingApproved", username);
        return "redirect:/directory/users";
    }

    @PostMapping("/users/{username}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled) {
        users.setEnabled(username, enabled);
        return "redirect:/directory/users";
    }

    private String usersPage(Model model, UserForm form) {
        model.addAttribute("users", users.list());
        model.addAttribute("pendingBindings", accounts.pendingBindings());
        model.addAttribute("departmentNames", directory.departments().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.code(), d -> d.name())));
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", directory.departments());
        return "directory/users";
    }

    @GetMapping("/api-clients")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String apiClients(Model model) {
        return apiClientsPage(model);
    }

    @PostMapping("/api-clients")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createApiClient(@RequestParam String name, @RequestParam String departmentCode, @RequestParam String role,
            @RequestParam(required = false) String scopeDivision, Model model, HttpServletResponse response) {
        try {
            // shown once on this answer; never stored in clear nor put in the session
            model.addAttribute("newKey", clients.create(name, departmentCode, DirectoryApi.role(role), scopeDivision));
            model.addAttribute("newName", name);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.localise(e.violations()));
        }
        return apiClientsPage(model);
    }

    @PostMapping("/api-clients/{name}/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String disableApiClient(@PathVariable String name) {
        clients.disable(name);
        return "redirect:/directory/api-clients";
    }

    private String apiClientsPage(Model model) {
        model.addAttribute("clients", clients.list());
        model.addAttribute("roles", List.of(Role.DEPARTMENT_OFFICER, Role.WINDOW_CLERK, Role.COMMAND_CENTER,
                Role.GRID_WORKER, Role.DATA_ADMIN));
        model.addAttribute("departments", directory.departments());
        return "directory/api-clients";
    }

    @GetMapping("/departments")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN', 'COMMAND_CENTER')")
    String departments(Model model) {
        model.addAttribute("departments", directory.departments());
        return "directory/departments";
    }

    /** The division browser: a division's lineage and its children, each expandable in place (htmx). */
    @GetMapping("/divisions")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN', 'COMMAND_CENTER')")
    String divisions(@RequestParam(defaultValue = DEMO_DISTRICT) String code, Model model,
            HttpServletResponse response) {
        Division division = directory.division(code).orElse(null);
        if (division == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("unknown", code);
        } else {
            model.addAttribute("division", division);
            model.addAttribute("lineage", directory.lineage(code));
            model.addAttribute("children", directory.children(code));
        }
        return "directory/divisions";
    }

    @GetMapping("/divisions/{code}/children")
    @PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN', 'COMMAND_CENTER')")
    String divisionChildren(@PathVariable String code, Model model) {
        model.addAttribute("children", directory.children(code));
        return "directory/divisions :: children";
    }
}
