package org.yiwang.exchange;

/** How a department system is reached; the connector's endpoint is a URL, a JDBC URL, a folder or a topic. */
public enum ConnectorKind { REST, JDBC, FILE, KAFKA }
