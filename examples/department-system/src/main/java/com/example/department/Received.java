package com.example.department;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A delivery as this system stored it.
 *
 * @param data   their field names → values: text as {@code String}, anything else (numbers, lists…) as JSON
 * @param status for an {@code application.status}: the part's status in yiwang, else {@code null}
 */
public record Received(String key, String type, String partId, String reference, String item, String subscription,
        List<String> changed, Map<String, Object> data, Instant receivedAt, String status) {}
