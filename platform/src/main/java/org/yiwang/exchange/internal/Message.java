package org.yiwang.exchange.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a department system receives (JSON for REST and Kafka, a row for JDBC and files). Schema version 1 — see
 * docs/integration.md; fields are only ever added.
 *
 * @param data their field → their value
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Message(int schemaVersion, UUID id, String type, String connector, int mappingVersion, Instant occurredAt,
               UUID partId, String reference, String item, String subscription, String subjectType, UUID subject,
               List<String> changed, Map<String, String> materials, Map<String, String> data) {

    static final int SCHEMA_VERSION = 1;
}
