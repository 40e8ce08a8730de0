package org.yiwang.basedata.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.Provenance;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.SharingDecision;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.ViolationTexts;

/** Who may assert facts in whose name, which elements they may write, and what authority an assertion carries. */
@Component
class AttributionRules {

    /** The data center aggregates departments' data and may import it in their name. */
    private static final Set<Role> ATTRIBUTE_ANY_SOURCE = Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN);

    /** A refusal: the reason code, the field it concerns and a message. */
    record Refusal(String reason, String field, String detail) {}

    /**
     * What a writer may do with the elements of one write.
     *
     * @param refused elements the writer is neither responsible for nor collects under the write's purpose
     * @param hidden  elements the writer may not read in clear: the answer must not tell whether a value matched
     */
    record Rights(Set<String> refused, Set<String> hidden) {}

    private final Catalog catalog;
    private final Directory directory;
    private final SharingPolicy policy;
    private final ViolationTexts texts;

    AttributionRules(Catalog catalog, Directory directory, SharingPolicy policy, ViolationTexts texts) {
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
        this.texts = texts;
    }

    /** Authoritative only from the element's responsible department; a claim from elsewhere counts as collected. */
    Provenance provenanceFor(String element, Attribution attribution) {
        Method method = attribution.method();
        if (method == Method.AUTHORITATIVE && !catalog.responsibleDepartment(element)
                .map(d -> d.equals(attribution.sourceDepartment())).orElse(false)) {
            method = Method.COLLECTED;
        }
        return new Provenance(attribution.sourceDepartment(), method, attribution.at());
    }

    /** @throws InvalidInputException for an unknown source department or purpose, or text with NUL bytes */
    Optional<Refusal> refusal(Actor actor, Attribution attribution, boolean self) {
        if (attribution.method() == null) {
            throw InvalidInputException.of("method", "method-required");
        }
        Text.noNul("sourceDepartment", attribution.sourceDepartment());
        Text.noNul("reason", attribution.reason());
        if (attribution.purpose() == null || attribution.purpose().isBlank()) {
            throw InvalidInputException.of("purpose", "purpose-required");
        }
        if (catalog.purpose(attribution.purpose()).isEmpty()) {
            throw InvalidInputException.of("purpose", "unknown-purpose");
        }
        if (actor.role() == Role.RESIDENT || actor.role() == Role.ENTERPRISE) {
            if (!self) return Optional.of(new Refusal("NOT_SELF", "subject", text("not-self")));
            if (attribution.method() != Method.SELF_DECLARED || attribution.sourceDepartment() != null) {
                return Optional.of(new Refusal("ATTRIBUTION", "method", text("self-declares")));
            }
            return Optional.empty();
        }
        if (attribution.sourceDepartment() != null && directory.department(attribution.sourceDepartment()).isEmpty()) {
            throw InvalidInputException.of("sourceDepartment", "unknown-department");
        }
        boolean ownDepartment = attribution.sourceDepartment() == null
                ? attribution.method() == Method.SELF_DECLARED
                : attribution.sourceDepartment().equals(actor.departmentCode());
        if (!ownDepartment && !ATTRIBUTE_ANY_SOURCE.contains(actor.role())) {
            return Optional.of(new Refusal("ATTRIBUTION", "sourceDepartment", text("own-department")));
        }
        return Optional.empty();
    }

    /**
     * Write rights per element: a department writes the elements it is responsible for (responsibility list) and
     * those it collects under the write's purpose (a demand-list entry). The data subject declares their own data;
     * the window clerk records an applicant's declaration; the data center, which aggregates every department's data, is not limited (a value it writes in a
     * department's name is authoritative only where that department is responsible, see {@link #provenanceFor}).
     */
    Rights rights(Actor actor, Attribution attribution, boolean self, SubjectKind kind, Collection<String> elements) {
        boolean declarationAtTheWindow = actor.role() == Role.WINDOW_CLERK && attribution.sourceDepartment() == null
                && attribution.method() == Method.SELF_DECLARED; // the clerk types what the applicant declares
        if (self || ATTRIBUTE_ANY_SOURCE.contains(actor.role()) || declarationAtTheWindow) {
            return new Rights(Set.of(), Set.of());
        }
        String department = attribution.sourceDepartment() != null ? attribution.sourceDepartment()
                : actor.departmentCode();
        Set<String> refused = new LinkedHashSet<>();
        Set<String> hidden = new LinkedHashSet<>();
        Consumer consumer = Consumer.department(department);
        for (String element : elements) {
            if (element.equals(kind.keyElement)) continue; // names the subject, asserts nothing about it
            boolean responsible = department != null
                    && catalog.responsibleDepartment(element).map(department::equals).orElse(false);
            SharingDecision decision = policy.decide(consumer, element, attribution.purpose());
            if (!responsible && !(decision.allowed() && "DEMAND_LIST".equals(decision.reason()))) refused.add(element);
            if (!decision.allowed() || !decision.clear()) hidden.add(element);
        }
        return new Rights(refused, hidden);
    }

    /** The refusal of a write that names an element the writer may not write. */
    Refusal noWriteRight(String element) {
        String name = catalog.element(element).map(e -> e.nameZh()).orElse(element);
        return new Refusal("NO_WRITE_RIGHT", element, texts.text("problem.no-write-right", new Object[] {name},
                "you may not write " + element));
    }

    private String text(String rule) {
        return texts.text("problem." + rule, null, rule);
    }
}
