package org.yiwang.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.basedata.ChangeLog;
import org.yiwang.basedata.SubjectChanged;
import org.yiwang.exchange.Subscription;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.services.PartStatus;
import org.yiwang.services.PartStatusChanged;
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

    /**
     * A part decided in yiwang by another route (an automatic rule, the workbench) is told to the department systems
     * it was delivered to, so that they show it decided and offer no action on it. A resubmission is delivered as the
     * part itself; a legacy database (JDBC) keeps only what its own officers decide.
     */
    @EventListener
    void on(PartStatusChanged event) {
        if (event.to() == PartStatus.SUBMITTED) return;
        ExchangeState state = states.current();
        boolean queued = false;
        for (String code : deliveries.toldOfPart(event.partId())) {
            Connector connector = state.connector(code).orElse(null);
            if (connector == null || connector.kind() == ConnectorKind.JDBC) continue;
            deliveries.insert(Delivery.status(code, event.partId(), event.to().name()));
            queued = true;
        }
        if (queued) wakeAfterCommit();
    }

    @EventListener
    void on(SubjectChanged event) {
        List<Subscription> candidates = new ArrayList<>();
        for (Subscription s : states.current().subscriptions(event.type())) {
            if (inDivision(s, event.divisionCode()) && event.elements().stream().anyMatch(s.elements()::contains)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) return;
        List<ChangeCondition> conditions = candidates.stream().map(Subscription::condition)
                .filter(Objects::nonNull).toList();
        Set<ChangeCondition> met = changeLog.met(event.changeId(), conditions);
        boolean queued = false;
        for (Subscription s : candidates) {
            if (s.condition() != null && !met.contains(s.condition())) continue;
            List<String> changed = s.elements().stream().filter(event.elements()::contains).toList();
            deliveries.insert(Delivery.change(s.connector(), s.code(), event.type().name(), event.subjectId(), changed));
            queued = true;
        }
        if (queued) wakeAfterCommit();
    }

    private static boolean inDivision(Subscription s, String division) {
        return s.division() == null || (division != null && division.startsWith(s.division()));
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
