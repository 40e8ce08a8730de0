package org.yiwang.exchange.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a department system receives (JSON for REST and Kafka, a row for JDBC and files). Schema version 1 — see
 * docs/integration.md; fields are only ever added.
 *
 * @param occurredAt when it happened, in the city's offset (e.g. {@code 2026-11-22T09:40:00+08:00}): people read it
 * @param status     an {@code application.status}: the part's status in yiwang (ACCEPTED, RETURNED, APPROVED, REJECTED)
 * @param data       their field → their value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Message(int schemaVersion, UUID id, String type, String connector, int mappingVersion,
               OffsetDateTime occurredAt, UUID partId, String reference, String item, String subscription,
               String subjectType, UUID subject, List<String> changed, Map<String, String> materials,
               Map<String, String> data, String status) {

    static final int SCHEMA_VERSION = 1;
}
