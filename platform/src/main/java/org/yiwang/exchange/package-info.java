/**
 * Exchange (数据交换): every application part and every subscribed change reaches the department's own system —
 * REST/webhook, JDBC into its tables, files in a folder, or a Kafka topic — in its own field names and codes, from
 * a transactional outbox with retries, dead letters and replay; results come back through a signed inbound API (or
 * are polled from its table or folder) and drive the same state machine as the built-in workbench.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange",
        allowedDependencies = {"basedata", "catalog", "directory", "kernel", "services"})
package org.yiwang.exchange;
