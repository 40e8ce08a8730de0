package org.yiwang.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;

/**
 * Drains the outbox: claims due deliveries (safe with any number of nodes), reads and maps their values, sends them
 * and records each outcome as soon as it is known — delivered, retried after an exponentially growing delay with
 * jitter, or dead-lettered after the connector's maximum attempts (at once when retrying cannot help).
 */
@Component
class DeliveryEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

    private final DeliveryStore store;
    private final ExchangeStates states;
    private final Messages messages;
    private final Map<ConnectorKind, Transport> transports = new EnumMap<>(ConnectorKind.class);
    private final ExchangeProperties properties;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore slots;
    private ExecutorService workers;
    private Thread loop;
    private volatile boolean running;

    DeliveryEngine(DeliveryStore store, ExchangeStates states, Messages messages, List<Transport> transports,
                   ExchangeProperties properties, DeliveryMetrics metrics, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.states = states;
        this.messages = messages;
        transports.forEach(t -> this.transports.put(t.kind(), t));
        this.properties = properties;
        this.metrics = metrics;
        this.slots = new Semaphore(properties.inFlight());
    }

    /** Something was queued or finished: look again now rather than at the next poll. */
    void wake() {
        if (wakeups.availablePermits() == 0) wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int claimed = drainOnce();
                if (claimed == 0 || slots.availablePermits() == 0) {
                    wakeups.tryAcquire(properties.poll().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("exchange: claiming deliveries failed, retrying: {}", e.getMessage());
                sleepQuietly(properties.poll());
            }
        }
    }

    int drainOnce() {
        int free = Math.min(slots.availablePermits(), properties.batch());
        // with a backlog every completion frees one slot: wait for a quarter batch rather than claim one at a time
        boolean busy = slots.availablePermits() < properties.inFlight();
        if (free == 0 || (busy && free < Math.max(1, properties.batch() / 4))) return 0;
        List<Delivery> due = store.claim(free, properties.lease());
        if (due.isEmpty()) return 0;
        ExchangeState state = states.current();
        for (Delivery d : due) {
            slots.acquireUninterruptibly();
            CompletableFuture.supplyAsync(() -> messages.build(d, state), workers)
                    .thenCompose(message -> send(state, d, message).thenApply(done -> message.mappingVersion()))
                    // on our own threads: the HTTP client completes its futures on the common pool, which on
                    // two cores is a new thread per task
                    .whenCompleteAsync((version, error) -> {
                        try {
                            record(state, d, version, error);
                        } finally {
                            slots.release();
                            wake();
                        }
                    }, workers);
        }
        return due.size();
    }

    private CompletableFuture<Void> send(ExchangeState state, Delivery d, Message message) {
        Connector connector = state.connector(d.connector()).orElseThrow();
        Transport transport = transports.get(connector.kind());
        if (transport == null) {
            return CompletableFuture.failedFuture(new DeliveryFailure("no transport for " + connector.kind(), true));
        }
        return transport.send(connector, state.secrets().get(connector.code()), message);
    }

    private void record(ExchangeState state, Delivery d, Integer mappingVersion, Throwable error) {
        try {
            if (error == null) {
                store.delivered(d.id(), mappingVersion);
                metrics.delivered(d);
                return;
            }
            DeliveryFailure failure = failure(error);
            int maxAttempts = state.connector(d.connector()).map(Connector::maxAttempts).orElse(1);
            if (failure.permanent() || d.attempts() >= maxAttempts) {
                store.dead(d.id(), failure.getMessage());
                metrics.dead(d);
                log.warn("exchange: delivery {} to {} dead after {} attempts: {}", d.id(), d.connector(), d.attempts(),
                        failure.getMessage());
            } else {
                store.retryLater(d.id(), clock.instant().plus(backoff(d.attempts())), failure.getMessage());
                metrics.retried(d);
            }
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is sent again: at least once
            log.warn("exchange: recording the outcome of delivery {} failed: {}", d.id(), e.getMessage());
        }
    }

    private static DeliveryFailure failure(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
        return cause instanceof DeliveryFailure f ? f : new DeliveryFailure("failed", cause);
    }

    /** Doubles per attempt up to the maximum; "equal jitter" keeps at least half the delay and spreads the rest. */
    Duration backoff(int attempts) {
        long base = properties.backoff().toMillis();
        long delay = Math.min(properties.maxBackoff().toMillis(), base << Math.min(attempts - 1, 30));
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) return;
        running = true;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("exchange-worker-");
        threads.setDaemon(true);
        workers = Executors.newFixedThreadPool(properties.workers(), threads);
        loop = new Thread(this::run, "exchange-sender");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) loop.interrupt();
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
