package org.yiwang.exchange.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;

/** What operators do with deliveries: watch them by connector and state, send a waiting one now, replay dead ones. */
@Service
class Operations {

    private final DeliveryStore store;
    private final DeliveryEngine engine;
    private final ExchangeProperties properties;

    private final ViolationTexts texts;

    Operations(DeliveryStore store, DeliveryEngine engine, ExchangeProperties properties, ViolationTexts texts) {
        this.texts = texts;
        this.store = store;
        this.engine = engine;
        this.properties = properties;
    }

    List<ConnectorFigures> figures() {
        return store.figures();
    }

    List<Delivery> deliveries(String connector, String state, int limit) {
        return store.list(blankToNull(connector), blankToNull(state), Math.max(1, Math.min(limit, 500)));
    }

    Delivery delivery(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundProblem("delivery",
                texts.text("problem.unknown-delivery", null, "unknown delivery")));
    }

    /** Dead → pending with a fresh count of attempts; for after the cause (mapping, receiver) was fixed. */
    int replay(UUID id) {
        return woken(store.replay(id));
    }

    int replayDead(String connector) {
        return woken(store.replayDead(connector));
    }

    int retryNow(UUID id) {
        return woken(store.retryNow(id));
    }

    /** Daily, on one node of the cluster (the task in {@link ExchangeConfiguration}). */
    void purge() {
        store.purgeDelivered(properties.retention());
    }

    private int woken(int changed) {
        if (changed > 0) engine.wake();
        return changed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
