package org.yiwang.exchange.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code yiwang.exchange.*}: how the sender drains the outbox.
 *
 * @param poll            how often a node looks for due deliveries besides being woken by its own commits
 * @param batch           deliveries claimed at once
 * @param inFlight        deliveries being sent at once per node
 * @param workers         threads reading and mapping values for the messages
 * @param lease           how long a claimed delivery is reserved for its node (covers the request timeout)
 * @param backoff         delay after the first failure; doubles per attempt, with jitter, up to {@code maxBackoff}
 * @param requestTimeout  per request to a department system
 * @param resultPoll      how often result tables and inbox folders are read
 * @param kafkaBootstrap  Kafka servers for KAFKA connectors without their own {@code bootstrapServers} option
 * @param retention       how long delivered rows are kept (results for a part are accepted while its delivery is)
 */
@ConfigurationProperties("yiwang.exchange")
record ExchangeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration poll,
                          @DefaultValue("100") int batch, @DefaultValue("256") int inFlight,
                          @DefaultValue("4") int workers, @DefaultValue("60s") Duration lease,
                          @DefaultValue("2s") Duration backoff, @DefaultValue("10m") Duration maxBackoff,
                          @DefaultValue("10s") Duration requestTimeout, @DefaultValue("2s") Duration resultPoll,
                          @DefaultValue("localhost:9092") String kafkaBootstrap,
                          @DefaultValue("400d") Duration retention) {}
