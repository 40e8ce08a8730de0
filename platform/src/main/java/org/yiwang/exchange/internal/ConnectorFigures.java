package org.yiwang.exchange.internal;

/** A connector's deliveries by state, its retries and its lag (age in seconds of the oldest unfinished delivery). */
record ConnectorFigures(String connector, long pending, long sending, long delivered, long dead, long attempts,
                        long failures, double lagSeconds) {}
