package org.yiwang.services.internal.catalog;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds the service catalog in memory. An edit through this node makes it stale once committed; every node compares
 * {@code services_catalog_version} (bumped by triggers on both tables) with its state at most every {@link #POLL}
 * and reloads when it moved, so an admin's edit on one node is seen by all within a few seconds.
 */
@Component
class ServiceCatalogStates {

    static final Duration POLL = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(ServiceCatalogStates.class);

    private final DefinitionStore store;
    private final AtomicLong nextPoll = new AtomicLong(System.nanoTime());
    private volatile CatalogState state;
    private volatile boolean stale = true;

    ServiceCatalogStates(DefinitionStore store) {
        this.store = store;
    }

    CatalogState current() {
        CatalogState s = state;
        if (s == null || stale) return reload();
        long now = System.nanoTime();
        long due = nextPoll.get();
        if (now - due >= 0 && nextPoll.compareAndSet(due, now + POLL.toNanos()) && changedElsewhere(s)) {
            return reload();
        }
        return s;
    }

    /** Re-reads the tables now (inside a command, after taking the lock: the freshest state to validate against). */
    CatalogState fresh() {
        return store.load();
    }

    void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stale = true;
                }
            });
        } else {
            stale = true;
        }
    }

    private boolean changedElsewhere(CatalogState s) {
        try {
            return store.version() != s.version();
        } catch (DataAccessException e) {
            log.warn("service catalog version poll failed, keeping state {}: {}", s.version(), e.getMessage());
            return false;
        }
    }

    private synchronized CatalogState reload() {
        if (state == null || stale || store.version() != state.version()) {
            stale = false;
            state = store.load();
        }
        return state;
    }
}
