package org.yiwang.services.internal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MenuItem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.services.Part;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;
import org.yiwang.services.PartStatus;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * The built-in department workbench (部门审批工作台) for departments without their own business system: the queue
 * with the promised time limit counting down, a part with exactly the data its item needs — each value with its
 * source and whether the applicant typed it — the materials to open, and the decisions.
 */
@Controller
@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
class WorkbenchPages {

    private final ApplicationStore store;
    private final PartWorkflow workflow;
    private final CorrectionRequests corrections;
    private final PartFacts facts;
    private final Materials materials;
    private final ServiceCatalog services;
    private final ViolationTexts texts;
    private final Clock clock;

    WorkbenchPages(ApplicationStore store, PartWorkflow workflow, CorrectionRequests corrections, PartFacts facts,
                   Materials materials, ServiceCatalog services, ViolationTexts texts, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.corrections = corrections;
        this.facts = facts;
        this.materials = materials;
        this.services = services;
        this.texts = texts;
        this.clock = clock;
    }

    @Configuration(proxyBeanMethods = false)
    static class Menu {
        @Bean
        MenuItem workbenchMenu() {
            return new MenuItem("services.menu.workbench", "/workbench", Set.of(Role.DEPARTMENT_OFFICER), 40);
        }
    }

    record QueueLine(ApplicationStore.QueueEntry entry, int workingDaysLeft) {}

    /**
     * A material of the part: satisfied by an electronic licence ({@code licenseId}) or an upload the department
     * opens ({@code uploadId}, {@code fileName}); neither when an optional one was not given.
     */
    record MaterialRow(String code, String name, String licenseId, UUID uploadId, String fileName) {}

    @GetMapping("/workbench")
    String queue(Actor actor, @RequestParam(defaultValue = "OPEN") String show, Model model) {
        Set<PartStatus> statuses = "DONE".equals(show) ? EnumSet.of(PartStatus.APPROVED, PartStatus.REJECTED)
                : EnumSet.of(PartStatus.SUBMITTED, PartStatus.ACCEPTED, PartStatus.RETURNED);
        LocalDate today = LocalDate.now(clock);
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
        List<String> typed = store.application(part.applicationId()).map(ApplicationStore.ApplicationRow::typed)
                .orElse(List.of());
        model.addAttribute("part", part);
        model.addAttribute("facts", facts.of(actor, part, typed));
        model.addAttribute("materials", materialRows(part));
        model.addAttribute("licenseFields", workflow.fieldsToState(part.itemCode()));
        model.addAttribute("daysLeft", WorkingDays.remaining(LocalDate.now(clock), part.dueOn()));
        model.addAttribute("timeline", store.events(part.applicationId()).stream()
                .filter(e -> e.partId().equals(id)).toList());
        return "services/workbench/part";
    }

    /** An uploaded material of the part, for the department that received it only. */
    @GetMapping("/workbench/parts/{id}/materials/{code}")
    ResponseEntity<byte[]> material(Actor actor, @PathVariable UUID id, @PathVariable String code) {
        return Materials.response(materials.ofPart(workflow.part(actor, id), code));
    }

    @PostMapping("/workbench/parts/{id}/decision")
    String decide(Actor actor, @PathVariable UUID id, @RequestParam PartAction action,
                  @RequestParam(required = false) String reason,
                  @RequestParam(required = false) List<String> questioned,
                  @RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, String> licenseFields = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("lf.") && !v.isEmpty() && !v.get(0).isBlank()) licenseFields.put(k.substring(3), v.get(0).strip());
        });
        try {
            workflow.decide(actor, id, new PartDecision(action, reason, questioned, licenseFields));
            return "redirect:/workbench/parts/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("decisionError", texts.detail(e.violations().get(0)));
            return part(actor, id, model);
        }
    }

    private List<MaterialRow> materialRows(Part part) {
        ServiceItem item = services.item(part.itemCode()).orElse(null);
        Map<UUID, String> uploads = store.uploadNames(part.applicationId());
        List<MaterialRow> rows = new ArrayList<>();
        List<ServiceItem.Material> declared = item == null ? List.of() : item.materials();
        for (ServiceItem.Material m : declared) {
            String ref = part.materials().get(m.code());
            rows.add(row(m.code(), m.nameZh(), ref, uploads));
        }
        part.materials().forEach((code, ref) -> {
            if (declared.stream().noneMatch(m -> m.code().equals(code))) rows.add(row(code, code, ref, uploads));
        });
        return rows;
    }

    private static MaterialRow row(String code, String name, String ref, Map<UUID, String> uploads) {
        if (ref != null && ref.startsWith("license:")) return new MaterialRow(code, name, ref.substring(8), null, null);
        if (ref != null && ref.startsWith("upload:")) {
            UUID upload = UUID.fromString(ref.substring(7));
            return new MaterialRow(code, name, null, upload, uploads.get(upload));
        }
        return new MaterialRow(code, name, null, null, null);
    }
}
