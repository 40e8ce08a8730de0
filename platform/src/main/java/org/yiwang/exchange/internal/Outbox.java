package org.yiwang.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.basedata.ChangeLog;
import org.yiwang.basedata.SubjectChanged;
import org.yiwang.basedata.ValueChange;
import org.yiwang.exchange.Subscription;
import org.yiwang.services.PartSubmitted;

/**
 * Writes deliveries into the outbox in the transaction of the change itself (a plain, synchronous listener), so
 * a committed change always has its deliveries and a rolled-back one never does. After commit it wakes this node's
 * sender; other nodes find the deliveries on their next poll.
 */
@Component
class Outbox {

    private final ExchangeStates states;
    private final DeliveryStore deliveries;
    private final ChangeLog changeLog;
    private final DeliveryEngine engine;

    Outbox(ExchangeStates states, DeliveryStore deliveries, ChangeLog changeLog, DeliveryEngine engine) {
        this.states = states;
        this.deliveries = deliveries;
        this.changeLog = changeLog;
        this.engine = engine;
    }

    @EventListener
    void on(PartSubmitted event) {
        states.current().routeFor(event.itemCode()).ifPresent(connector -> {
            deliveries.insert(Delivery.part(connector.code(), event.partId()));
            wakeAfterCommit();
        });
    }

    @EventListener
    void on(SubjectChanged event) {
        List<Subscription> subscriptions = states.current().subscriptions(event.type());
        if (subscriptions.isEmpty()) return;
        Supplier<Map<String, ValueChange>> values = lazily(() -> changeLog.changes(event.changeId()).stream()
                .collect(Collectors.toMap(ValueChange::element, c -> c)));
        boolean queued = false;
        for (Subscription s : subscriptions) {
            List<String> changed = new ArrayList<>(s.elements());
            changed.retainAll(event.elements());
            if (changed.isEmpty() || !inDivision(s, event.divisionCode()) || !meets(s.condition(), values)) continue;
            deliveries.insert(Delivery.change(s.connector(), s.code(), event.type().name(), event.subjectId(), changed));
            queued = true;
        }
        if (queued) wakeAfterCommit();
    }

    private static boolean inDivision(Subscription s, String division) {
        return s.division() == null || (division != null && division.startsWith(s.division()));
    }

    static boolean meets(Subscription.Condition condition, Supplier<Map<String, ValueChange>> values) {
        if (condition == null) return true;
        ValueChange change = values.get().get(condition.element());
        if (change == null) return false;
        String before = change.oldValue() == null ? "" : change.oldValue();
        String after = change.newValue() == null ? "" : change.newValue();
        return switch (condition.op()) {
            case CHANGED -> true;
            case GAINS -> after.contains(condition.value()) && !before.contains(condition.value());
            case EQUALS -> after.equals(condition.value());
        };
    }

    private static <T> Supplier<T> lazily(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }

    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            engine.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                engine.wake();
            }
        });
    }
}
