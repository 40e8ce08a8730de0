package org.yiwang.exchange;

import java.util.List;
import java.util.Map;

/**
 * A department system and how to reach it. The secret (HMAC key, database password) is write-only: it is stored
 * encrypted and never returned.
 *
 * @param options     kind-specific settings, e.g. JDBC {@code table}, {@code keyColumn}, {@code resultTable};
 *                    FILE {@code format}, {@code inbox}; KAFKA {@code bootstrapServers}
 * @param items       service items whose application parts go through this connector (the others of the department
 *                    stay on the built-in workbench only)
 * @param maxAttempts attempts before a delivery is dead-lettered
 */
public record Connector(String code, String department, String name, ConnectorKind kind, String endpoint,
                        Map<String, String> options, List<String> items, int maxAttempts, boolean enabled) {

    public Connector {
        options = options == null ? Map.of() : Map.copyOf(options);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
