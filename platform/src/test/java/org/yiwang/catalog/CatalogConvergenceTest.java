package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;

@IntegrationTest
@RecordApplicationEvents
class CatalogConvergenceTest {

    @Autowired SharingPolicy policy;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aChangeMadeOnAnotherNodeIsSeenWithinSeconds() throws Exception {
        Consumer swj = Consumer.department("310104-SWJ");
        assertThat(policy.decide(swj, "house.cert_no", "HOUSE_SALE_TAX").reason()).isEqualTo("DEMAND_LIST");
        // another node writes straight to the shared database; this node only learns of it through the version poll
        jdbc.sql("INSERT INTO catalog_negative (element_code, reason, legal_basis) VALUES ('house.cert_no', '另一节点', '')")
                .update();
        try {
            // the poll runs every few seconds; a loaded machine may take longer, so wait for the outcome, not a time
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(policy.decide(swj, "house.cert_no", "HOUSE_SALE_TAX").reason()).isEqualTo("NEGATIVE_LIST"));
        } finally {
            mvc.perform(delete("/api/v1/catalog/lists/negative/house.cert_no").with(user(SharingPolicyTest.ADMIN))
                    .with(csrf())).andExpect(status().isNoContent());
        }
        assertThat(policy.decide(swj, "house.cert_no", "HOUSE_SALE_TAX").reason()).isEqualTo("DEMAND_LIST");
    }

    @Test
    void listChangesArePublishedAsCatalogChanged(ApplicationEvents events) throws Exception {
        mvc.perform(post("/api/v1/catalog/lists/negative").with(user(SharingPolicyTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"house.owner_name\",\"reason\":\"事件测试\"}"))
                .andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/catalog/lists/negative/house.owner_name").with(user(SharingPolicyTest.ADMIN))
                .with(csrf())).andExpect(status().isNoContent());
        assertThat(events.stream(CatalogChanged.class))
                .filteredOn(e -> "house.owner_name".equals(e.key()))
                .extracting(CatalogChanged::part, CatalogChanged::change, CatalogChanged::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CatalogChanged.Part.NEGATIVE_LIST, CatalogChanged.Change.ADDED,
                                "catalog-test-admin"),
                        org.assertj.core.groups.Tuple.tuple(CatalogChanged.Part.NEGATIVE_LIST, CatalogChanged.Change.REMOVED,
                                "catalog-test-admin"));
    }
}
