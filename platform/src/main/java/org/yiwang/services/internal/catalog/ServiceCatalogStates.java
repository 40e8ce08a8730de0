package org.yiwang.services.internal.catalog;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.yiwang.kernel.ClusterSnapshot;

/**
 * Holds the service catalog in memory. An edit through this node makes it stale once committed; every node compares
 * {@code services_catalog_version} (bumped by triggers on both tables) with its state at most every {@link #POLL}
 * and reloads when it moved, so an admin's edit on one node is seen by all within a few seconds.
 */
@Component
class ServiceCatalogStates {

    static final Duration POLL = Duration.ofSeconds(3);

    private final DefinitionStore store;
    private final ClusterSnapshot<CatalogState> state;

    ServiceCatalogStates(DefinitionStore store) {
        this.store = store;
        this.state = new ClusterSnapshot<>("service catalog", POLL, store::version, store::load, CatalogState::version);
    }

    CatalogState current() {
        return state.current();
    }

    /** Re-reads the tables now (inside a command, after taking the lock: the freshest state to validate against). */
    CatalogState fresh() {
        return store.load();
    }

    void invalidateAfterCommit() {
        state.invalidateAfterCommit();
    }
}
