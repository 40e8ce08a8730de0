package org.yiwang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.YiwangApplication;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.demo.DemoExchange;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;

/**
 * Two application nodes on one PostgreSQL drain one outbox: every delivery takes effect once in the receiver, and
 * both nodes take part. Cluster-once jobs (the result poller, the audit sealer) run on one node per interval.
 */
@IntegrationTest
class TwoNodesTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired DemoExchange demo;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;

    @Test
    void twoNodesDeliverEachChangeOnce() throws Exception {
        DepartmentSystems systems = DepartmentSystems.start(port, demo);
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        long before = jdbc.sql("SELECT COALESCE(max(seq), 0) FROM exchange_delivery").query(Long.class).single();
        double deliveredHere = delivered(meters);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(YiwangApplication.class)
                .profiles("test")
                // the second node shares database (as the same role) and key files
                .properties(Map.of("spring.datasource.url", hikari.getJdbcUrl(),
                        "spring.datasource.username", hikari.getUsername(),
                        "spring.datasource.password", hikari.getPassword(), "server.port", "0",
                        "yiwang.demo.enabled", "false", "spring.main.banner-mode", "off"))
                .run()) {
            ServiceFixtures here = new ServiceFixtures(facts, licenses);
            ServiceFixtures there = new ServiceFixtures(second.getBean(Facts.class), second.getBean(Licenses.class));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 20; i++) codes.add(barberShop(i % 2 == 0 ? here : there));
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM exchange_delivery WHERE seq > ? AND connector = ? AND state = 'DELIVERED'""")
                    .params(before, DemoExchange.HEALTH).query(Long.class).single() == 20);
            for (String code : codes) {
                assertThat(systems.received(DemoExchange.HEALTH)).filteredOn(r -> code.equals(r.at("/data/TYSHXYDM")
                        .asString())).hasSize(1);
            }
            assertThat(delivered(meters) - deliveredHere).as("deliveries sent by the first node").isPositive();
            assertThat(delivered(second.getBean(MeterRegistry.class))).as("deliveries sent by the second node").isPositive();
            assertThat(delivered(meters) - deliveredHere + delivered(second.getBean(MeterRegistry.class)))
                    .as("each delivery sent by one node only").isEqualTo(20);

            assertResultPollRunsOncePerInterval(meters, second.getBean(MeterRegistry.class));
        }
    }

    /**
     * With both nodes up, the result poll (every 300 ms in tests) is one row of db-scheduler's table, and its runs on
     * either node never come closer than its interval: were each node polling for itself, they would.
     */
    private void assertResultPollRunsOncePerInterval(MeterRegistry first, MeterRegistry second) throws InterruptedException {
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name IN ('exchange-result-poll', 'audit-seal')")
                .query(Long.class).single()).as("one execution row per cluster-once task").isEqualTo(2);
        double before = polls(first) + polls(second);
        TreeSet<Instant> completions = new TreeSet<>();
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
            jdbc.sql("SELECT last_success FROM scheduled_tasks WHERE task_name = 'exchange-result-poll'")
                    .query(Timestamp.class).optional().ifPresent(t -> completions.add(t.toInstant()));
            Thread.sleep(20);
        }
        double runs = polls(first) + polls(second) - before;
        assertThat(runs).as("result polls by both nodes in 3 s").isPositive().isLessThanOrEqualTo(3000 / 300 + 1);
        Instant previous = null;
        for (Instant done : completions) {
            if (previous != null) {
                assertThat(Duration.between(previous, done)).as("time between two result polls")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(299));
            }
            previous = done;
        }
        assertThat(completions).as("polls seen completing").hasSizeGreaterThan(2);
    }

    private static double polls(MeterRegistry registry) {
        var counter = registry.find("dbscheduler_task_completions").tag("task", "exchange-result-poll")
                .tag("result", "ok").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String barberShop(ServiceFixtures fixtures) {
        String code = TestSubjects.creditCode();
        fixtures.write("310104-SCJG", SubjectRef.legalEntity(code), Map.of("entity.name", "徐汇美发" + code.substring(10),
                "entity.division", "310104011", "entity.status", "1", "entity.business_scope", "美容服务"));
        fixtures.write("310104-SCJG", SubjectRef.legalEntity(code), Map.of("entity.business_scope", "美容服务;理发服务"));
        return code;
    }

    private static double delivered(MeterRegistry registry) {
        var counter = registry.find("yiwang.exchange.deliveries").tag("connector", DemoExchange.HEALTH)
                .tag("outcome", "delivered").counter();
        return counter == null ? 0 : counter.count();
    }
}
