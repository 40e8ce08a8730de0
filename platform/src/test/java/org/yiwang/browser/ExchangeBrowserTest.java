package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.demo.DemoExchange;
import org.yiwang.exchange.DepartmentSystems;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;
import tools.jackson.databind.JsonNode;

/**
 * The health commission's officer works in the department's own system (the sample system's page): the part
 * arrived there in its field names; accepting and approving it there moves the application on in yiwang, and the
 * data administrator sees the deliveries on the 数据交换 page.
 */
@IntegrationTest
class ExchangeBrowserTest {

    static Browser browser;

    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    @Autowired DemoExchange demo;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @LocalServerPort int port;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void anOfficerDecidesInTheDepartmentsOwnSystemAndTheApplicationMovesOnInYiwang() throws Exception {
        DepartmentSystems systems = DepartmentSystems.start(port, demo);
        var hotel = new ServiceFixtures(facts, licenses).hotel();
        String body = "{\"kind\":\"ITEM\",\"code\":\"HOTEL_HYGIENE_CHANGE\",\"applicant\":\"" + hotel.creditCode()
                + "\",\"values\":{\"entity.employees\":\"20\",\"entity.name\":\"" + ServiceFixtures.NEW_HOTEL_NAME + "\"},\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/applications")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(hotel.enterpriseUser()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        JsonNode received = await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(DemoExchange.HEALTH)
                .stream().filter(r -> hotel.creditCode().equals(r.at("/data/TYSHXYDM").asString())).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        String part = received.get("partId").asString();

        browser.driver.get(systems.page(DemoExchange.HEALTH) + "/");
        By delivery = By.id("d-" + received.get("key").asString());
        assertThat(browser.await(delivery).getText()).contains("TYSHXYDM", hotel.creditCode(), "CYRYS", "20");
        browser.await(delivery).findElement(By.cssSelector("input[value=ACCEPTED] + button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(part).equals("ACCEPTED"));
        WebElement approve = browser.await(delivery).findElements(By.tagName("details")).stream()
                .filter(d -> d.findElements(By.cssSelector("input[value=APPROVED]")).size() == 1).findFirst().orElseThrow();
        approve.findElement(By.tagName("summary")).click();
        approve.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(part).equals("APPROVED"));
        assertThat(browser.text(delivery)).contains("APPROVED");

        browser.login("admin", DataFoundationBrowserTest.PASSWORD);
        browser.open("/exchange?connector=" + DemoExchange.HEALTH);
        assertThat(browser.text(By.cssSelector("#figures tr[data-connector='" + DemoExchange.HEALTH + "'] .delivered")))
                .isNotEqualTo("0");
        assertThat(browser.text(By.id("deliveries"))).contains(DemoExchange.HEALTH, "已送达");
        browser.logout();
    }

    private String status(String part) {
        return jdbc.sql("SELECT status FROM services_part WHERE id = ?::uuid").param(part).query(String.class).single();
    }
}
