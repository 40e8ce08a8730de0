package org.yiwang.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stream path: a Kafka connector puts subscribed changes on its topic, keyed by subject, as JSON with a schema
 * version — against a real (embedded, KRaft) broker.
 */
@IntegrationTest
class KafkaStreamTest {

    static final String TOPIC = "yiwang.test.entity-changes";
    static EmbeddedKafkaKraftBroker broker;

    @Autowired Connectors connectors;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void changesGoToTheTopicKeyedBySubjectInOrderAsVersionedJson() {
        Actor admin = Actor.system("310000-DSJ");
        String code = "DSJ-STREAM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        connectors.save(admin, new Connector(code, "310000-DSJ", "大数据中心 变化流", ConnectorKind.KAFKA, TOPIC,
                Map.of("bootstrapServers", broker.getBrokersAsString()), List.of(), 8, true), null);
        connectors.saveMapping(admin, code, new Mapping(Map.of("entity.name", "name", "entity.credit_code", "creditCode",
                "entity.business_scope", "businessScope"), null, null, null, null, null));
        connectors.subscribe(admin, new Subscription(code, "法人经营范围变化流", code, SubjectType.LEGAL_ENTITY,
                List.of("entity.name", "entity.credit_code", "entity.business_scope"), "DATA_GOVERNANCE", null,
                new ChangeCondition("entity.business_scope", ChangeCondition.Op.CHANGED, null), true));
        try {
            var fixtures = new ServiceFixtures(facts, licenses);
            String entity = TestSubjects.creditCode();
            for (String scope : List.of("餐饮服务", "餐饮服务;食品销售", "餐饮服务;食品销售;理发服务")) {
                fixtures.write("310104-SCJG", SubjectRef.legalEntity(entity), Map.of("entity.name", "徐汇小吃" + entity.substring(12),
                        "entity.division", "310104011", "entity.business_scope", scope));
            }
            List<ConsumerRecord<String, String>> records = consume(3);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(records.get(0).key());
            assertThat(records.stream().map(r -> r.partition()).distinct()).hasSize(1);
            List<JsonNode> values = records.stream().map(r -> json.readTree(r.value())).toList();
            assertThat(values).allSatisfy(v -> {
                assertThat(v.get("schemaVersion").asInt()).isEqualTo(1);
                assertThat(v.get("type").asString()).isEqualTo("subject.change");
                assertThat(v.get("subject").asString()).isEqualTo(records.get(0).key());
                assertThat(v.at("/data/creditCode").asString()).isEqualTo(entity);
            });
            // one message per change, in the order the changes were made; each says what changed and carries the
            // subject's values when it was sent, so the last one holds the final state
            assertThat(values).extracting(v -> v.get("id").asString()).containsExactlyElementsOf(jdbc.sql(
                    "SELECT id::text FROM exchange_delivery WHERE subscription = ? ORDER BY seq").param(code)
                    .query(String.class).list());
            assertThat(values).allSatisfy(v -> assertThat(v.get("changed").valueStream().map(JsonNode::asString))
                    .contains("businessScope"));
            assertThat(values.get(2).at("/data/businessScope").asString()).isEqualTo("餐饮服务;食品销售;理发服务");
            assertThat(new String(records.get(0).headers().lastHeader("Idempotency-Key").value(), StandardCharsets.UTF_8))
                    .isEqualTo(values.get(0).get("id").asString());
        } finally {
            Connector c = connectors.find(code).orElseThrow();
            connectors.save(admin, new Connector(c.code(), c.department(), c.name(), c.kind(), c.endpoint(), c.options(),
                    c.items(), c.maxAttempts(), false), null);
        }
    }

    /**
     * The first {@code count} distinct messages on the topic. Delivery is at least once: a send whose
     * acknowledgement was late is sent again with the same {@code Idempotency-Key}, and a consumer drops the repeat,
     * as this one does.
     */
    private List<ConsumerRecord<String, String>> consume(int count) {
        Map<String, ConsumerRecord<String, String>> records = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> records.putIfAbsent(new String(
                        r.headers().lastHeader("Idempotency-Key").value(), StandardCharsets.UTF_8), r));
            }
        }
        assertThat(records).hasSize(count);
        return List.copyOf(records.values());
    }
}
