package org.yiwang.services.internal.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;
import org.yiwang.services.Part;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;
import org.yiwang.services.PartStatus;

/**
 * The built-in department workbench (部门审批工作台) for departments without their own business system: the queue
 * with the promised time limit counting down, a part with exactly the data its item needs, and the decisions.
 */
@Controller
@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
class WorkbenchPages {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ApplicationStore store;
    private final PartWorkflow workflow;
    private final CorrectionRequests corrections;
    private final Catalog catalog;

    WorkbenchPages(ApplicationStore store, PartWorkflow workflow, CorrectionRequests corrections, Catalog catalog) {
        this.store = store;
        this.workflow = workflow;
        this.corrections = corrections;
        this.catalog = catalog;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem workbenchMenu() {
            return new MenuItem("services.menu.workbench", "/workbench", Set.of(Role.DEPARTMENT_OFFICER), 40);
        }
    }

    record QueueLine(ApplicationStore.QueueEntry entry, int workingDaysLeft) {}

    @GetMapping("/workbench")
    String queue(Actor actor, @RequestParam(defaultValue = "OPEN") String show, Model model) {
        Set<PartStatus> statuses = "DONE".equals(show) ? EnumSet.of(PartStatus.APPROVED, PartStatus.REJECTED)
                : EnumSet.of(PartStatus.SUBMITTED, PartStatus.ACCEPTED, PartStatus.RETURNED);
        LocalDate today = LocalDate.now(SHANGHAI);
        List<QueueLine> lines = store.queue(actor.departmentCode(), statuses).stream()
                .map(e -> new QueueLine(e, WorkingDays.remaining(today, e.dueOn()))).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("show", show);
        model.addAttribute("corrections", corrections.openFor(actor.departmentCode()));
        return "services/workbench/queue";
    }

    @GetMapping("/workbench/parts/{id}")
    String part(Actor actor, @PathVariable UUID id, Model model) {
        Part part = workflow.part(actor, id);
        Map<String, String> names = new HashMap<>();
        part.elements().forEach(e -> names.put(e, catalog.element(e).map(x -> x.nameZh()).orElse(e)));
        model.addAttribute("part", part);
        model.addAttribute("names", names);
        model.addAttribute("licenseFields", workflow.fieldsToState(part.itemCode()));
        model.addAttribute("daysLeft", WorkingDays.remaining(LocalDate.now(SHANGHAI), part.dueOn()));
        model.addAttribute("timeline", store.events(part.applicationId()).stream()
                .filter(e -> e.partId().equals(id)).toList());
        return "services/workbench/part";
    }

    @PostMapping("/workbench/parts/{id}/decision")
    String decide(Actor actor, @PathVariable UUID id, @RequestParam PartAction action,
                  @RequestParam(required = false) String reason,
                  @RequestParam(required = false) List<String> questioned,
                  @RequestParam org.springframework.util.MultiValueMap<String, String> params, Model model) {
        Map<String, String> licenseFields = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("lf.") && !v.isEmpty() && !v.get(0).isBlank()) licenseFields.put(k.substring(3), v.get(0).strip());
        });
        try {
            workflow.decide(actor, id, new PartDecision(action, reason, questioned, licenseFields));
            return "redirect:/workbench/parts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("decisionError", e.violations().get(0).detail());
            return part(actor, id, model);
        }
    }
}
