package org.yiwang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.demo.DemoExchange;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;
import tools.jackson.databind.JsonNode;

/** A receiver that is down, a lost acknowledgement, a poison message: nothing is lost and nothing taken twice. */
@IntegrationTest
class ExchangeFailureTest {

    static final ActorPrincipal ADMIN = new ActorPrincipal(new Actor("exchange-admin", Role.DATA_ADMIN, "310000-DSJ",
            null, null, Set.of()), "", true);

    @Autowired MockMvc mvc;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    @Autowired DemoExchange demo;
    @Autowired Connectors connectors;
    @LocalServerPort int port;
    ServiceFixtures fixtures;
    DepartmentSystems systems;

    @BeforeEach
    void systems() {
        fixtures = new ServiceFixtures(facts, licenses);
        systems = DepartmentSystems.start(port, demo);
    }

    @Test
    void aReceiverThatWasDownGetsEverythingOnceAfterItRecovers() {
        withAttempts(DemoExchange.HEALTH, 40);
        long before = lastSeq();
        systems.stop(DemoExchange.HEALTH);
        List<String> codes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) codes.add(barberShop());
            List<String> ids = jdbc.sql("SELECT id::text FROM exchange_delivery WHERE seq > ? AND connector = ?")
                    .params(before, DemoExchange.HEALTH).query(String.class).list();
            assertThat(ids).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM exchange_delivery WHERE seq > ? AND connector = ? AND state = 'PENDING'
                       AND attempts >= 2 AND last_error LIKE 'unreachable%'""")
                    .params(before, DemoExchange.HEALTH).query(Long.class).single() == 3);
        } finally {
            systems.start(DemoExchange.HEALTH);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM exchange_delivery WHERE seq > ? AND connector = ? AND state = 'DELIVERED'""")
                .params(before, DemoExchange.HEALTH).query(Long.class).single() == 3);
        for (String code : codes) assertThat(receivedFor(code)).hasSize(1);

        // an acknowledgement lost on the way: yiwang sends again, the system keeps one record
        long duplicates = systems.stats(DemoExchange.HEALTH).get("duplicates").asLong();
        String again = jdbc.sql("SELECT id::text FROM exchange_delivery WHERE seq > ? AND connector = ? LIMIT 1")
                .params(before, DemoExchange.HEALTH).query(String.class).single();
        jdbc.sql("UPDATE exchange_delivery SET state = 'PENDING', delivered_at = NULL WHERE id = ?::uuid").param(again)
                .update();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT state FROM exchange_delivery WHERE id = ?::uuid").param(again).query(String.class).single()
                .equals("DELIVERED"));
        assertThat(systems.stats(DemoExchange.HEALTH).get("duplicates").asLong()).isEqualTo(duplicates + 1);
        for (String code : codes) assertThat(receivedFor(code)).hasSize(1);
        withAttempts(DemoExchange.HEALTH, 8);
    }

    @Test
    void aPoisonMessageEndsDeadLetteredAndIsDeliveredWhenReplayedAfterTheFix() throws Exception {
        Mapping good = connectors.mapping(DemoExchange.TRANSPORT).orElseThrow().mapping();
        withAttempts(DemoExchange.TRANSPORT, 3);
        // a mapping mistake: women are sent as W, a code the back office does not have
        connectors.saveMapping(Actor.system("310000-DSJ"), DemoExchange.TRANSPORT, new Mapping(good.fields(),
                Map.of("person.gender", Map.of("1", "M", "2", "W")), good.formats(), good.items(), good.statuses(),
                good.licenseFields()));
        try {
            var driver = fixtures.driver(false, "李娜", "2");
            long before = lastSeq();
            mvc.perform(post("/api/v1/applications").with(user(driver.user())).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"kind":"ITEM","code":"RIDE_HAILING","values":{"person.vehicle_plate":"沪B%s","person.ride_hailing_platform":"01"},
                                     "idempotencyKey":"%s"}""".formatted(ExchangeScenariosTest.digits(5),
                                    java.util.UUID.randomUUID())))
                    .andExpect(status().isCreated());
            String id = jdbc.sql("SELECT id::text FROM exchange_delivery WHERE seq > ? AND connector = ?")
                    .params(before, DemoExchange.TRANSPORT).query(String.class).single();
            await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DEAD"));
            assertThat(jdbc.sql("SELECT attempts FROM exchange_delivery WHERE id = ?::uuid").param(id)
                    .query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("SELECT last_error FROM exchange_delivery WHERE id = ?::uuid").param(id)
                    .query(String.class).single()).startsWith("HTTP 422");
            // the operations page shows it with a replay button
            mvc.perform(get("/exchange").param("connector", DemoExchange.TRANSPORT).param("state", "DEAD")
                            .with(user(ADMIN)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(id)))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("/exchange/deliveries/" + id + "/replay")));

            // fixed: a new mapping version, then replay
            connectors.saveMapping(Actor.system("310000-DSJ"), DemoExchange.TRANSPORT, good);
            int fixed = connectors.mapping(DemoExchange.TRANSPORT).orElseThrow().version();
            mvc.perform(post("/exchange/deliveries/" + id + "/replay").with(user(ADMIN)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DELIVERED"));
            assertThat(jdbc.sql("SELECT mapping_version FROM exchange_delivery WHERE id = ?::uuid").param(id)
                    .query(Integer.class).single()).isEqualTo(fixed);
            JsonNode received = systems.received(DemoExchange.TRANSPORT).stream()
                    .filter(r -> driver.citizenId().equals(r.at("/data/SFZH").asString())).findFirst().orElseThrow();
            assertThat(received.at("/data/XB").asString()).isEqualTo("F");
        } finally {
            if (!connectors.mapping(DemoExchange.TRANSPORT).orElseThrow().mapping().equals(good)) {
                connectors.saveMapping(Actor.system("310000-DSJ"), DemoExchange.TRANSPORT, good);
            }
            withAttempts(DemoExchange.TRANSPORT, 8);
        }
    }

    /** An enterprise whose scope gains 理发 (the health commission's subscription); returns its credit code. */
    private String barberShop() {
        String code = TestSubjects.creditCode();
        fixtures.write("310104-SCJG", SubjectRef.legalEntity(code), Map.of("entity.name", "徐汇理发" + code.substring(10),
                "entity.address", "上海市徐汇区天钥桥路1号", "entity.division", "310104014", "entity.status", "1",
                "entity.type", "1100", "entity.business_scope", "美容服务"));
        fixtures.write("310104-SCJG", SubjectRef.legalEntity(code), Map.of("entity.business_scope", "美容服务;理发服务"));
        return code;
    }

    private List<JsonNode> receivedFor(String creditCode) {
        return systems.received(DemoExchange.HEALTH).stream()
                .filter(r -> creditCode.equals(r.at("/data/TYSHXYDM").asString())).toList();
    }

    private void withAttempts(String code, int attempts) {
        Connector c = connectors.find(code).orElseThrow();
        connectors.save(Actor.system("310000-DSJ"), new Connector(c.code(), c.department(), c.name(), c.kind(),
                c.endpoint(), c.options(), c.items(), attempts, c.enabled()), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> connectors.find(code).orElseThrow().maxAttempts() == attempts);
    }

    private String state(String id) {
        return jdbc.sql("SELECT state FROM exchange_delivery WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(max(seq), 0) FROM exchange_delivery").query(Long.class).single();
    }
}
