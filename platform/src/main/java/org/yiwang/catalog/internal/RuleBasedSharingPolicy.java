package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.catalog.SharingDecision;
import org.yiwang.catalog.SharingExplanation;
import org.yiwang.catalog.SharingExplanation.Outcome;
import org.yiwang.catalog.SharingExplanation.Step;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.kernel.ViolationTexts;

/**
 * The sharing decision: the rules of {@link SharingPolicy} in order over the in-memory snapshot of the three
 * lists. {@link #decide} and {@link #explain} run the same code; only explain keeps the trace.
 */
@Service
class RuleBasedSharingPolicy implements SharingPolicy {

    static final String KNOWN_ELEMENT = "KNOWN_ELEMENT";
    static final String DEFAULT_DENY = "DEFAULT_DENY";
    private static final List<String> RULES =
            List.of(KNOWN_ELEMENT, "SELF", "NEGATIVE_LIST", "RESPONSIBLE_DEPARTMENT", "DEMAND_LIST", DEFAULT_DENY);

    private final CatalogSnapshots snapshots;
    private final ViolationTexts texts;

    RuleBasedSharingPolicy(CatalogSnapshots snapshots, ViolationTexts texts) {
        this.snapshots = snapshots;
        this.texts = texts;
    }

    @Override
    public SharingDecision decide(Consumer consumer, String elementCode, String purpose) {
        return evaluate(consumer, elementCode, purpose, null);
    }

    @Override
    public SharingExplanation explain(Consumer consumer, String elementCode, String purpose) {
        List<Step> trace = new ArrayList<>();
        SharingDecision decision = evaluate(consumer, elementCode, purpose, trace);
        for (String rule : RULES.subList(trace.size(), RULES.size())) {
            trace.add(new Step(rule, Outcome.NOT_REACHED, text("not-reached")));
        }
        return new SharingExplanation(consumer, elementCode, purpose, decision, trace);
    }

    /** @param trace collects each rule's outcome, or {@code null} on the hot path */
    private SharingDecision evaluate(Consumer consumer, String elementCode, String purpose, List<Step> trace) {
        CatalogSnapshot catalog = snapshots.current();
        DataElement element = elementCode == null ? null : catalog.elements().get(elementCode);
        if (element == null) {
            return decided(trace, KNOWN_ELEMENT, SharingDecision.deny("UNKNOWN_ELEMENT",
                    text("unknown-element", elementCode)));
        }
        note(trace, KNOWN_ELEMENT, () -> text("known-element", name(element), element.sensitivity()));

        if (consumer.subjectThemself()) {
            return decided(trace, "SELF", SharingDecision.allow("SELF", text("self"), true));
        }
        note(trace, "SELF", () -> text("not-self"));

        ListEntries.Negative negative = catalog.negative().get(element.code());
        if (negative != null) {
            return decided(trace, "NEGATIVE_LIST", SharingDecision.deny("NEGATIVE_LIST",
                    text("negative", negative.reason(), basis(negative.legalBasis()), name(element))));
        }
        note(trace, "NEGATIVE_LIST", () -> text("not-negative"));

        String department = consumer.departmentCode();
        ListEntries.Responsibility responsible = catalog.responsibility().get(element.code());
        if (responsible != null && responsible.department().equals(department)) {
            return decided(trace, "RESPONSIBLE_DEPARTMENT", SharingDecision.allow("RESPONSIBLE_DEPARTMENT",
                    text("responsible", department, name(element), basis(responsible.legalBasis())), true));
        }
        note(trace, "RESPONSIBLE_DEPARTMENT", () -> responsible == null ? text("no-responsible")
                : text("other-responsible", responsible.department()));

        ListEntries.Demand demand = department == null ? null : catalog.demand(department, purpose, element.code());
        if (demand != null) {
            Purpose p = catalog.purposes().get(purpose);
            String purposeName = p == null ? purpose : english() ? p.nameEn() : p.nameZh();
            return decided(trace, "DEMAND_LIST", SharingDecision.allow("DEMAND_LIST",
                    text(demand.clear() ? "demand-clear" : "demand", department, purposeName, name(element),
                            basis(demand.legalBasis())),
                    demand.clear() || !element.sensitive()));
        }
        note(trace, "DEMAND_LIST", () -> catalog.purposes().containsKey(purpose) ? text("no-demand-entry")
                : text("unregistered-purpose", purpose));

        return decided(trace, DEFAULT_DENY, SharingDecision.deny("NO_DEMAND_ENTRY",
                text("default-deny", department, purpose, name(element))));
    }

    /** Decision details in the reader's language, from the catalog bundle ({@code policy.<key>}). */
    private String text(String key, Object... args) {
        return texts.text("policy." + key, args, key);
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static String name(DataElement element) {
        return english() ? element.nameEn() : element.nameZh();
    }

    private static SharingDecision decided(List<Step> trace, String rule, SharingDecision decision) {
        if (trace != null) trace.add(new Step(rule, Outcome.DECIDED, decision.detail()));
        return decision;
    }

    /** Rules that did not apply: the detail is only built for explain, never on the hot path. */
    private static void note(List<Step> trace, String rule, Supplier<String> detail) {
        if (trace != null) trace.add(new Step(rule, Outcome.NOT_APPLICABLE, detail.get()));
    }

    private String basis(String legalBasis) {
        return legalBasis == null || legalBasis.isBlank() ? "" : text("basis", legalBasis);
    }
}
