package org.yiwang.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.SubjectType;

/** Connectors with their secrets and current mappings, and the subscriptions, as one node holds them. */
record ExchangeState(long version, Map<String, Connector> connectors, Map<String, String> secrets,
                     Map<String, MappingVersion> mappings, List<Subscription> subscriptions) {

    Optional<Connector> connector(String code) {
        return Optional.ofNullable(connectors.get(code));
    }

    /** The enabled connector that carries parts of this item, if any. */
    Optional<Connector> routeFor(String itemCode) {
        return connectors.values().stream().filter(c -> c.enabled() && c.items().contains(itemCode)).findFirst();
    }

    List<Subscription> subscriptions(SubjectType type) {
        return subscriptions.stream().filter(s -> s.enabled() && s.subjectType() == type).toList();
    }

    Optional<Subscription> subscription(String code) {
        return subscriptions.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
