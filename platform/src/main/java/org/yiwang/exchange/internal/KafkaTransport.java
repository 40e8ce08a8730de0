package org.yiwang.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message as JSON on the connector's topic (its endpoint), keyed by the subject (or part) so one subject's
 * changes stay in one partition, in order. Idempotent producer, all replicas acknowledge.
 */
@Component
class KafkaTransport implements Transport, DisposableBean {

    private final JsonMapper json;
    private final ExchangeProperties properties;
    private final Map<String, KafkaTemplate<String, String>> templates = new ConcurrentHashMap<>();

    KafkaTransport(JsonMapper json, ExchangeProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.KAFKA;
    }

    @Override
    public CompletableFuture<Void> send(Connector connector, String secret, Message message) {
        String servers = connector.option("bootstrapServers", properties.kafkaBootstrap());
        KafkaTemplate<String, String> template = templates.computeIfAbsent(servers, KafkaTransport::template);
        String key = (message.subject() != null ? message.subject() : message.partId()).toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(connector.endpoint(), key,
                json.writeValueAsString(message));
        record.headers().add(Signatures.IDEMPOTENCY_KEY, message.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("schemaVersion", Integer.toString(Message.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        try {
            return template.send(record).handle((result, error) -> {
                if (error != null) throw new DeliveryFailure("kafka", error);
                return null;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new DeliveryFailure("kafka", e));
        }
    }

    private static KafkaTemplate<String, String> template(String servers) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 30_000)));
    }

    @Override
    public void destroy() {
        templates.values().forEach(t -> t.getProducerFactory().reset());
    }
}
