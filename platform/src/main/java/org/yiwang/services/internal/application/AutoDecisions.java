package org.yiwang.services.internal.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.Actor;
import org.yiwang.services.AutoDecisionRule;
import org.yiwang.services.Part;
import org.yiwang.services.PartDecision;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * Decides parts of items that carry an automatic-decision rule, seconds after submission, as the department's
 * system: the rule's extra data is read for the department under the item's purpose (audited), and the verdict
 * with its reasons goes through the same state machine as an officer's.
 */
@Component
class AutoDecisions {

    private static final Logger log = LoggerFactory.getLogger(AutoDecisions.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ServiceCatalog services;
    private final PartWorkflow workflow;
    private final PersonalData personalData;
    private final Map<String, AutoDecisionRule> rules;

    AutoDecisions(ServiceCatalog services, PartWorkflow workflow, PersonalData personalData,
                  List<AutoDecisionRule> rules) {
        this.services = services;
        this.workflow = workflow;
        this.personalData = personalData;
        this.rules = rules.stream().collect(Collectors.toMap(AutoDecisionRule::name, Function.identity()));
    }

    @ApplicationModuleListener
    void on(AutoDecisionDue event) {
        ServiceItem item = services.item(event.itemCode()).orElse(null);
        if (item == null || item.autoDecision() == null) return;
        AutoDecisionRule rule = rules.get(item.autoDecision());
        if (rule == null) {
            log.warn("Item {} names unknown decision rule {}; left to officers", item.code(), item.autoDecision());
            return;
        }
        Actor system = Actor.system(item.department());
        Part part = workflow.part(system, event.partId());
        Map<String, String> values = new LinkedHashMap<>(part.values());
        // what the rule judges comes from the base as the department may see it, not from the applicant's form
        if (!rule.reads().isEmpty()) {
            var view = personalData.read(system, new ReadRequest(new SubjectRef(part.applicantType(), part.applicantKey()),
                    rule.reads(), item.purpose(), true));
            rule.reads().forEach(values::remove);
            view.values().forEach((k, v) -> values.put(k, v.value()));
        }
        PartDecision decision = rule.decide(values, LocalDate.now(SHANGHAI));
        workflow.decide(system, part.id(), decision);
        log.info("Part {} of item {} decided automatically: {}", part.id(), item.code(), decision.action());
    }
}
