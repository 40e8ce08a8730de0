package org.yiwang.services.internal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.DataElement;
import org.yiwang.kernel.Actor;
import org.yiwang.licenses.License;
import org.yiwang.licenses.LicenseField;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.AutoDecisionRule;
import org.yiwang.services.Part;
import org.yiwang.services.PartDecision;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/**
 * Decides parts of items that carry an automatic-decision rule, seconds after submission, as the department's
 * system: the rule's extra data is read for the department under the item's purpose (audited), and the verdict
 * with its reasons goes through the same state machine as an officer's. The rule sees only trusted facts
 * ({@link TrustedFacts}); when one it needs is on file only as the applicant's own declaration, an officer decides.
 */
@Component
class AutoDecisions {

    private static final Logger log = LoggerFactory.getLogger(AutoDecisions.class);

    private final ServiceCatalog services;
    private final PartWorkflow workflow;
    private final PersonalData personalData;
    private final Licenses licenses;
    private final Catalog catalog;
    private final Clock clock;
    private final Map<String, AutoDecisionRule> rules;

    AutoDecisions(ServiceCatalog services, PartWorkflow workflow, PersonalData personalData, Licenses licenses,
                  Catalog catalog, Clock clock, List<AutoDecisionRule> rules) {
        this.services = services;
        this.workflow = workflow;
        this.personalData = personalData;
        this.licenses = licenses;
        this.catalog = catalog;
        this.clock = clock;
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
            TrustedFacts trusted = TrustedFacts.of(rule.mustBeAuthoritative(), view.values(), licensed(part));
            rule.reads().forEach(values::remove);
            view.values().forEach((k, v) -> {
                if (!rule.mustBeAuthoritative().contains(k)) values.put(k, v.value());
            });
            values.putAll(trusted.values());
            if (!trusted.untrusted().isEmpty()) {
                workflow.leaveToOfficers(system, part.id(), "services.auto.selfDeclared", String.join("、",
                        trusted.untrusted().stream().map(this::name).toList()));
                log.info("Part {} of item {} left to officers: facts on file only as declared", part.id(), item.code());
                return;
            }
        }
        PartDecision decision = rule.decide(values, LocalDate.now(clock));
        workflow.decide(system, part.id(), decision);
        log.info("Part {} of item {} decided automatically: {}", part.id(), item.code(), decision.action());
    }

    /** Facts stated on the applicant's valid electronic licences (their issuers are the authorities). */
    private Map<String, String> licensed(Part part) {
        Map<String, String> facts = new HashMap<>();
        for (License l : licenses.heldBy(part.applicantType(), part.applicantKey())) {
            licenses.type(l.typeCode()).ifPresent(t -> {
                for (LicenseField f : t.fields()) {
                    String v = l.fields().get(f.name());
                    if (f.element() != null && v != null && !v.isBlank()) facts.putIfAbsent(f.element(), v);
                }
            });
        }
        return facts;
    }

    private String name(String element) {
        return catalog.element(element).map(DataElement::nameZh).orElse(element);
    }
}
