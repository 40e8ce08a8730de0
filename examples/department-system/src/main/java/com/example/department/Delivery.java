package com.example.department;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One delivery from yiwang as the contract defines it, checked for shape (not yet against the code tables).
 *
 * @param key  the Idempotency-Key, equal to the body's {@code id}
 * @param data their field names → values, in the order delivered
 * @param raw    the body exactly as received
 * @param status for an {@code application.status}: the part's status in yiwang
 */
record Delivery(String key, String type, String partId, String reference, String item, String subscription,
        List<String> changed, Map<String, JsonNode> data, String raw, String status) {

    static final String APPLICATION_PART = "application.part";
    static final String SUBJECT_CHANGE = "subject.change";
    /** A part this system received moved on in yiwang by another route (an automatic rule, the workbench). */
    static final String APPLICATION_STATUS = "application.status";
    static final Set<String> TYPES = Set.of(APPLICATION_PART, SUBJECT_CHANGE, APPLICATION_STATUS);
    static final Set<String> STATUSES = Set.of("SUBMITTED", "ACCEPTED", "RETURNED", "APPROVED", "REJECTED");

    static Delivery parse(JsonMapper json, String idempotencyKey, byte[] body) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "Idempotency-Key", "required", "the Idempotency-Key header is missing");
        }
        if (idempotencyKey.length() > 64) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "Idempotency-Key", "max-length", "the Idempotency-Key is longer than 64 characters");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "body", "json", "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "body", "json-object", "the body is not a JSON object");
        }
        String id = text(root, "id");
        if (!idempotencyKey.equals(id)) {
            throw unprocessable("id", "equals-idempotency-key", "id must equal the Idempotency-Key header");
        }
        String type = text(root, "type");
        if (!TYPES.contains(type)) {
            throw unprocessable("type", "one-of",
                    "type must be application.part, application.status or subject.change, was " + type);
        }
        String partId = bounded(root, "partId");
        if (!SUBJECT_CHANGE.equals(type) && (partId == null || partId.isBlank())) {
            throw unprocessable("partId", "required", "an " + type + " needs its partId");
        }
        String status = text(root, "status");
        if (APPLICATION_STATUS.equals(type) && !STATUSES.contains(status)) {
            throw unprocessable("status", "one-of", "an application.status needs the part's status");
        }
        JsonNode dataNode = root.get("data");
        if (dataNode != null && !dataNode.isNull() && !dataNode.isObject()) {
            throw unprocessable("data", "json-object", "data must be an object of field → value");
        }
        Map<String, JsonNode> data = new LinkedHashMap<>();
        if (dataNode != null && dataNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : dataNode.properties()) {
                if (field.getKey().isBlank() || field.getKey().length() > 64) {
                    throw unprocessable("data", "field-name", "field names must be 1 to 64 characters");
                }
                data.put(field.getKey(), field.getValue());
            }
        }
        List<String> changed = new ArrayList<>();
        JsonNode changedNode = root.get("changed");
        if (changedNode != null && changedNode.isArray()) {
            changedNode.forEach(name -> changed.add(name.asString()));
        }
        if (String.join(",", changed).length() > 1000) {
            throw unprocessable("changed", "max-length", "the changed field names exceed 1000 characters");
        }
        return new Delivery(idempotencyKey, type, partId, bounded(root, "reference"), bounded(root, "item"),
                bounded(root, "subscription"), List.copyOf(changed), Collections.unmodifiableMap(data),
                new String(body, StandardCharsets.UTF_8), APPLICATION_STATUS.equals(type) ? status : null);
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }

    /** The identifiers fit this system's 64-character columns. */
    private static String bounded(JsonNode root, String name) {
        String value = text(root, name);
        if (value != null && value.length() > 64) {
            throw unprocessable(name, "max-length", name + " is longer than 64 characters");
        }
        return value;
    }

    private static Refusal unprocessable(String field, String rule, String detail) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, field, rule, detail);
    }
}
