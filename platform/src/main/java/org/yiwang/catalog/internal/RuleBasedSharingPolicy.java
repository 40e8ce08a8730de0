package org.yiwang.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.catalog.SharingDecision;
import org.yiwang.catalog.SharingExplanation;
import org.yiwang.catalog.SharingExplanation.Outcome;
import org.yiwang.catalog.SharingExplanation.Step;
import org.yiwang.catalog.SharingPolicy;

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

    RuleBasedSharingPolicy(CatalogSnapshots snapshots) {
        this.snapshots = snapshots;
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
            trace.add(new Step(rule, Outcome.NOT_REACHED, "前序规则已作出判定 / an earlier rule decided"));
        }
        return new SharingExplanation(consumer, elementCode, purpose, decision, trace);
    }

    /** @param trace collects each rule's outcome, or {@code null} on the hot path */
    private SharingDecision evaluate(Consumer consumer, String elementCode, String purpose, List<Step> trace) {
        CatalogSnapshot catalog = snapshots.current();
        DataElement element = elementCode == null ? null : catalog.elements().get(elementCode);
        if (element == null) {
            return decided(trace, KNOWN_ELEMENT, SharingDecision.deny("UNKNOWN_ELEMENT",
                    "数据元 " + elementCode + " 不在目录中 / data element " + elementCode + " is not in the catalog"));
        }
        note(trace, KNOWN_ELEMENT, () -> element.nameZh() + "(敏感级别 " + element.sensitivity() + ")/ " + element.nameEn()
                + " (sensitivity " + element.sensitivity() + ")");

        if (consumer.subjectThemself()) {
            return decided(trace, "SELF", SharingDecision.allow("SELF",
                    "数据主体本人查阅自己的数据 / the data subject uses their own data", true));
        }
        note(trace, "SELF", () -> "使用方不是数据主体本人 / the consumer is not the data subject");

        ListEntries.Negative negative = catalog.negative().get(element.code());
        if (negative != null) {
            return decided(trace, "NEGATIVE_LIST", SharingDecision.deny("NEGATIVE_LIST",
                    "负面清单:" + negative.reason() + basis(negative.legalBasis()) + " / on the negative list: "
                            + element.nameEn() + " is never shared"));
        }
        note(trace, "NEGATIVE_LIST", () -> "不在负面清单 / not on the negative list");

        String department = consumer.departmentCode();
        ListEntries.Responsibility responsible = catalog.responsibility().get(element.code());
        if (responsible != null && responsible.department().equals(department)) {
            return decided(trace, "RESPONSIBLE_DEPARTMENT", SharingDecision.allow("RESPONSIBLE_DEPARTMENT",
                    "责任清单:" + department + " 是“" + element.nameZh() + "”的权威来源" + basis(responsible.legalBasis())
                            + " / responsibility list: " + department + " is the authoritative source of " + element.code(),
                    true));
        }
        note(trace, "RESPONSIBLE_DEPARTMENT", () -> responsible == null
                ? "责任清单中没有该数据元 / the element has no responsible department"
                : "责任部门是 " + responsible.department() + " / the responsible department is " + responsible.department());

        ListEntries.Demand demand = department == null ? null : catalog.demand(department, purpose, element.code());
        if (demand != null) {
            Purpose p = catalog.purposes().get(purpose);
            return decided(trace, "DEMAND_LIST", SharingDecision.allow("DEMAND_LIST",
                    "需求清单:" + department + " 因“" + (p == null ? purpose : p.nameZh()) + "”使用“" + element.nameZh()
                            + "”" + basis(demand.legalBasis()) + (demand.clear() ? ",可见明文" : "")
                            + " / demand list: " + department + " may use " + element.code() + " for " + purpose
                            + (demand.clear() ? " in clear" : ""),
                    demand.clear() || !element.sensitive()));
        }
        note(trace, "DEMAND_LIST", () -> catalog.purposes().containsKey(purpose)
                ? "需求清单中没有匹配的条目 / no matching demand-list entry"
                : "用途 " + purpose + " 未登记 / purpose " + purpose + " is not registered");

        return decided(trace, DEFAULT_DENY, SharingDecision.deny("NO_DEMAND_ENTRY",
                "需求清单中没有 " + department + " 以“" + purpose + "”用途使用“" + element.nameZh() + "”的条目"
                        + " / no demand-list entry for " + department + ", " + purpose + ", " + element.code()));
    }

    private static SharingDecision decided(List<Step> trace, String rule, SharingDecision decision) {
        if (trace != null) trace.add(new Step(rule, Outcome.DECIDED, decision.detail()));
        return decision;
    }

    /** Rules that did not apply: the detail is only built for explain, never on the hot path. */
    private static void note(List<Step> trace, String rule, Supplier<String> detail) {
        if (trace != null) trace.add(new Step(rule, Outcome.NOT_APPLICABLE, detail.get()));
    }

    private static String basis(String legalBasis) {
        return legalBasis == null || legalBasis.isBlank() ? "" : "(依据" + legalBasis + ")";
    }
}
