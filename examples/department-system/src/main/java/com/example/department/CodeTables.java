package com.example.department;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** This department's own code tables ({@code department.codes}): a code it does not know makes a delivery poison. */
@Component
class CodeTables {

    private final Map<String, List<String>> codes;

    CodeTables(DepartmentProperties department) {
        this.codes = department.codes();
    }

    /** Refuses (422) the first field whose value is not in its code table; the value itself is not echoed. */
    void check(Delivery delivery) {
        for (Map.Entry<String, List<String>> table : codes.entrySet()) {
            JsonNode value = delivery.data().get(table.getKey());
            if (value == null || value.isNull()) {
                continue;
            }
            String code = value.isString() ? value.stringValue() : value.toString();
            if (!table.getValue().contains(code)) {
                throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, table.getKey(), "code-table",
                        "the value of " + table.getKey() + " is not one of this department's codes "
                                + String.join(", ", table.getValue()));
            }
        }
    }
}
