package org.yiwang.exchange;

import java.util.List;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.kernel.SubjectType;

/**
 * 数据订阅: changes of {@code elements} of subjects of {@code subjectType} go to the connector's department system,
 * read under {@code purpose} (checked against the demand list).
 *
 * @param division  only subjects in this administrative division (code prefix), or {@code null}
 * @param condition only changes meeting it (tested inside the base), or {@code null} for every change of the elements
 */
public record Subscription(String code, String name, String connector, SubjectType subjectType, List<String> elements,
                           String purpose, String division, ChangeCondition condition, boolean enabled) {

    public Subscription {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }
}
