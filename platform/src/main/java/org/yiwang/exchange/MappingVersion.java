package org.yiwang.exchange;

import java.time.Instant;

/** A saved version of a connector's mapping. */
public record MappingVersion(String connector, int version, Mapping mapping, String savedBy, Instant savedAt) {}
