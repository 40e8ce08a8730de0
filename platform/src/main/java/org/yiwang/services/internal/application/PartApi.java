package org.yiwang.services.internal.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.kernel.Actor;
import org.yiwang.services.Part;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;
import org.yiwang.services.PartStatus;

/** The department side over REST: its queue, one part, and decisions (the workbench's API). */
@RestController
@RequestMapping("/api/v1/parts")
@Tag(name = "Department parts", description = "部门办件:待办队列、办件数据、受理/补正/准予/不予")
@PreAuthorize("hasRole('DEPARTMENT_OFFICER')")
class PartApi {

    private final ApplicationStore store;
    private final PartWorkflow workflow;
    private final Materials materials;

    PartApi(ApplicationStore store, PartWorkflow workflow, Materials materials) {
        this.store = store;
        this.workflow = workflow;
        this.materials = materials;
    }

    record DecisionJson(@NotNull PartAction action, String reason, List<String> questioned,
                        Map<String, String> licenseFields) {}

    @GetMapping
    @Operation(summary = "The department's parts in the given statuses (default: open ones), earliest due first")
    List<ApplicationStore.QueueEntry> queue(Actor actor, @RequestParam(required = false) Set<PartStatus> status) {
        return store.queue(actor.departmentCode(), status == null || status.isEmpty()
                ? EnumSet.of(PartStatus.SUBMITTED, PartStatus.ACCEPTED, PartStatus.RETURNED) : status);
    }

    @GetMapping("/{id}")
    Part part(Actor actor, @PathVariable UUID id) {
        return workflow.part(actor, id);
    }

    @GetMapping("/{id}/materials/{code}")
    @Operation(summary = "An uploaded material of the part (the receiving department only), as the file it is")
    org.springframework.http.ResponseEntity<byte[]> material(Actor actor, @PathVariable UUID id, @PathVariable String code) {
        return Materials.response(materials.ofPart(workflow.part(actor, id), code));
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Accept, return for correction, approve (issues the license) or reject")
    Part decide(Actor actor, @PathVariable UUID id, @Valid @RequestBody DecisionJson body) {
        return workflow.decide(actor, id, new PartDecision(body.action(), body.reason(), body.questioned(),
                body.licenseFields()));
    }
}
