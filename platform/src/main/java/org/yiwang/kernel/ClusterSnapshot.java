package org.yiwang.kernel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory copy of rarely changing tables that every node keeps consistent. A change made through this node
 * marks the copy stale once its transaction commits; every node compares a version counter in the database
 * (bumped by triggers) with its copy at most every {@code poll} and reloads when it moved. The poll is one
 * primary-key read done by one request thread while the others keep using the current copy.
 *
 * @param <T> the loaded state; it carries the version it was loaded at
 */
public final class ClusterSnapshot<T> {

    private static final Logger log = LoggerFactory.getLogger(ClusterSnapshot.class);

    private final String name;
    private final Duration poll;
    private final LongSupplier databaseVersion;
    private final Supplier<T> loader;
    private final ToLongFunction<T> versionOf;
    private final AtomicLong nextPoll = new AtomicLong(System.nanoTime());
    private volatile T state;
    private volatile boolean stale = true;

    /**
     * @param loader must read the version before the tables, so a change committed during the load only causes one
     *               more reload later
     */
    public ClusterSnapshot(String name, Duration poll, LongSupplier databaseVersion, Supplier<T> loader,
                           ToLongFunction<T> versionOf) {
        this.name = name;
        this.poll = poll;
        this.databaseVersion = databaseVersion;
        this.loader = loader;
        this.versionOf = versionOf;
    }

    public T current() {
        T s = state;
        if (s == null || stale) return reload();
        long now = System.nanoTime();
        long due = nextPoll.get();
        if (now - due >= 0 && nextPoll.compareAndSet(due, now + poll.toNanos()) && changedElsewhere(s)) {
            return reload();
        }
        return s;
    }

    /** Called by a command that changed the tables: stale for this node as soon as the change is committed. */
    public void invalidateAfterCommit() {
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

    /** A failed poll (e.g. inside a caller's aborted transaction) keeps the current copy until the next one. */
    private boolean changedElsewhere(T s) {
        try {
            return databaseVersion.getAsLong() != versionOf.applyAsLong(s);
        } catch (DataAccessException e) {
            log.warn("{} version poll failed, keeping version {}: {}", name, versionOf.applyAsLong(s), e.getMessage());
            return false;
        }
    }

    private synchronized T reload() {
        if (state == null || stale || databaseVersion.getAsLong() != versionOf.applyAsLong(state)) {
            stale = false; // cleared before loading: an invalidation during the load triggers another one
            state = loader.get();
        }
        return state;
    }
}
