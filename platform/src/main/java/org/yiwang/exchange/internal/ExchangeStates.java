package org.yiwang.exchange.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.ClusterSnapshot;

/**
 * Connectors, mappings and subscriptions in memory for the outbox (asked on every change) and the sender. An edit
 * through any node is seen by all within {@link #POLL}.
 */
@Component
class ExchangeStates {

    static final Duration POLL = Duration.ofSeconds(2);

    private final ClusterSnapshot<ExchangeState> state;

    ExchangeStates(ConnectorStore store) {
        this.state = new ClusterSnapshot<>("exchange", POLL, store::version, store::load, ExchangeState::version);
    }

    ExchangeState current() {
        return state.current();
    }

    void invalidateAfterCommit() {
        state.invalidateAfterCommit();
    }
}
