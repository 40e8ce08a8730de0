package org.yiwang.basedata.internal;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.Provenance;
import org.yiwang.catalog.Catalog;
import org.yiwang.directory.Directory;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;

/** Who may assert facts in whose name, and what authority an assertion carries. */
@Component
class AttributionRules {

    /** The data center aggregates departments' data and may import it in their name. */
    private static final Set<Role> ATTRIBUTE_ANY_SOURCE = Set.of(Role.DATA_ADMIN, Role.SYSTEM_ADMIN);

    /** A refusal: the reason code, the field it concerns and a message. */
    record Refusal(String reason, String field, String detail) {}

    private final Catalog catalog;
    private final Directory directory;

    AttributionRules(Catalog catalog, Directory directory) {
        this.catalog = catalog;
        this.directory = directory;
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

    /** @throws InvalidInputException for an unknown source department */
    Optional<Refusal> refusal(Actor actor, Attribution attribution, boolean self) {
        if (attribution.method() == null) {
            throw new InvalidInputException("method", "required", "请说明数据来源方式 / the method is required");
        }
        if (actor.role() == Role.RESIDENT || actor.role() == Role.ENTERPRISE) {
            if (!self) return Optional.of(new Refusal("NOT_SELF", "subject",
                    "只能申报本人或本企业的数据 / you may only declare your own data"));
            if (attribution.method() != Method.SELF_DECLARED || attribution.sourceDepartment() != null) {
                return Optional.of(new Refusal("ATTRIBUTION", "method",
                        "本人只能以自行申报方式提交 / residents declare, they do not certify"));
            }
            return Optional.empty();
        }
        if (attribution.sourceDepartment() != null && directory.department(attribution.sourceDepartment()).isEmpty()) {
            throw new InvalidInputException("sourceDepartment", "unknown-department",
                    "未知的来源部门 / unknown source department");
        }
        boolean ownDepartment = attribution.sourceDepartment() == null
                ? attribution.method() == Method.SELF_DECLARED
                : attribution.sourceDepartment().equals(actor.departmentCode());
        if (!ownDepartment && !ATTRIBUTE_ANY_SOURCE.contains(actor.role())) {
            return Optional.of(new Refusal("ATTRIBUTION", "sourceDepartment",
                    "只能以本部门名义提交数据 / you may only write on behalf of your own department"));
        }
        return Optional.empty();
    }
}
