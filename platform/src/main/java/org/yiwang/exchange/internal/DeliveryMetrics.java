package org.yiwang.exchange.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per connector: {@code yiwang.exchange.deliveries} (outcome delivered | retried | dead), the propagation time from
 * the change's commit to the receiver's acknowledgement, and gauges of pending and dead deliveries and lag read from
 * the outbox (so they hold for the whole cluster, not one node).
 */
@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final DeliveryStore store;
    private final Map<String, ConnectorFigures> figures = new ConcurrentHashMap<>();

    private final Clock clock;

    DeliveryMetrics(MeterRegistry registry, DeliveryStore store, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.store = store;
    }

    void delivered(Delivery d) {
        count(d, "delivered");
        Timer.builder("yiwang.exchange.propagation").tag("connector", d.connector()).publishPercentiles(0.5, 0.99)
                .register(registry).record(Duration.between(d.createdAt(), clock.instant()));
    }

    void retried(Delivery d) {
        count(d, "retried");
    }

    void dead(Delivery d) {
        count(d, "dead");
    }

    private void count(Delivery d, String outcome) {
        Counter.builder("yiwang.exchange.deliveries").tag("connector", d.connector()).tag("outcome", outcome)
                .register(registry).increment();
    }

    // node-local on purpose: each node's gauges feed its own metrics endpoint, so every node refreshes its copy
    @Scheduled(fixedDelayString = "${yiwang.exchange.metrics-refresh:15s}")
    void refresh() {
        List<ConnectorFigures> current = store.figures();
        for (ConnectorFigures f : current) {
            if (figures.put(f.connector(), f) == null) register(f.connector());
        }
    }

    private void register(String connector) {
        Gauge.builder("yiwang.exchange.pending", figures, m -> m.get(connector).pending())
                .tag("connector", connector).register(registry);
        Gauge.builder("yiwang.exchange.dead", figures, m -> m.get(connector).dead())
                .tag("connector", connector).register(registry);
        Gauge.builder("yiwang.exchange.lag", figures, m -> m.get(connector).lagSeconds())
                .tag("connector", connector).baseUnit("seconds").register(registry);
    }
}
