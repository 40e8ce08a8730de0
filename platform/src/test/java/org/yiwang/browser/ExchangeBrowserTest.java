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
    @Autowired java.time.Clock clock;
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
        JsonNode received = await().atMost(Duration.ofSeconds(30)).until(() -> systems.received(DemoExchange.HEALTH)
                .stream().filter(r -> hotel.creditCode().equals(r.at("/data/TYSHXYDM").asString())).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        String part = received.get("partId").asString();

        officerPage(systems);
        By delivery = By.id("d-" + received.get("key").asString());
        assertThat(browser.await(delivery).getText()).contains("TYSHXYDM", hotel.creditCode(), "CYRYS", "20");
        browser.await(delivery).findElement(By.cssSelector("input[value=ACCEPTED] + button")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(part).equals("ACCEPTED"));
        assertThat(browser.text(By.cssSelector(".flash"))).contains("一网已确认", "受理");
        // the approval form filled the obvious way: licence number, scope, valid until
        WebElement approve = browser.await(delivery).findElements(By.tagName("details")).stream()
                .filter(d -> d.findElements(By.cssSelector("input[value=APPROVED]")).size() == 1).findFirst().orElseThrow();
        approve.findElement(By.tagName("summary")).click();
        approve.findElement(By.name("license.XKZH")).sendKeys("沪徐卫公字(2026)第0816号");
        approve.findElement(By.name("license.XKFW")).sendKeys("住宿");
        approve.findElement(By.name("license.YXQZ")).sendKeys("2030-12-31");
        approve.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(part).equals("APPROVED"));
        WebElement flash = browser.await(By.cssSelector(".flash"));
        assertThat(flash.getAttribute("class")).doesNotContain("error");
        assertThat(flash.getText()).contains("一网已确认", "准予许可");
        // decided: shown so, with nothing left to press
        assertThat(browser.text(delivery)).contains("已在一网办结").doesNotContain("{\"");
        assertThat(browser.await(delivery).findElements(By.cssSelector("input[value=ACCEPTED]"))).isEmpty();

        browser.login("admin", DataFoundationBrowserTest.PASSWORD);
        browser.open("/exchange?connector=" + DemoExchange.HEALTH);
        assertThat(browser.text(By.cssSelector("#figures tr[data-connector='" + DemoExchange.HEALTH + "'] .delivered")))
                .isNotEqualTo("0");
        assertThat(browser.text(By.id("deliveries"))).contains(DemoExchange.HEALTH, "已送达");
        // people read names and Shanghai times, not codes and UTC
        assertThat(browser.text(By.id("connectors"))).contains("徐汇区卫生健康委员会", "接口推送(REST)", "数据库写入(JDBC)")
                .doesNotContain("310104-WJW");
        assertThat(browser.text(By.id("subscriptions"))).contains("经营范围", "新增包含").doesNotContain("entity.business_scope");
        String created = browser.await(By.cssSelector("#deliveries tbody tr td:nth-child(6)")).getText();
        java.time.LocalDateTime shown = java.time.LocalDateTime.parse(created,
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        assertThat(java.time.Duration.between(shown, java.time.LocalDateTime.now(clock)).abs())
                .isLessThan(Duration.ofMinutes(15));
        browser.logout();
    }

    @Test
    void aPartDecidedOnTheWorkbenchShowsDecidedInTheDepartmentsSystemWithNothingToPress() throws Exception {
        DepartmentSystems systems = DepartmentSystems.start(port, demo);
        var hotel = new ServiceFixtures(facts, licenses).hotel();
        String body = "{\"kind\":\"ITEM\",\"code\":\"HOTEL_HYGIENE_CHANGE\",\"applicant\":\"" + hotel.creditCode()
                + "\",\"values\":{\"entity.employees\":\"21\",\"entity.name\":\"" + ServiceFixtures.NEW_HOTEL_NAME
                + "\"},\"idempotencyKey\":\"" + UUID.randomUUID() + "\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/applications")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(hotel.enterpriseUser()))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
        JsonNode received = await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(DemoExchange.HEALTH)
                .stream().filter(r -> hotel.creditCode().equals(r.at("/data/TYSHXYDM").asString())).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        String part = received.get("partId").asString();
        // the health commission's other officer rejects it on yiwang's workbench
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/parts/" + part + "/decision")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(ServiceFixtures.officer("310104-WJW")))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"REJECT\",\"reason\":\"现场核查不符合卫生要求\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(DemoExchange.HEALTH).stream()
                .anyMatch(r -> "application.status".equals(r.get("type").asString())
                        && part.equals(r.get("partId").asString())));

        officerPage(systems);
        By delivery = By.id("d-" + received.get("key").asString());
        assertThat(browser.text(delivery)).contains("一网状态:不予许可(已在一网办结,无需再办理)");
        assertThat(browser.await(delivery).findElements(By.tagName("form"))).isEmpty();
    }

    /** The health system's inbox, as its officer (logging in when the session is new). */
    private void officerPage(DepartmentSystems systems) {
        browser.driver.get(systems.page(DemoExchange.HEALTH) + "/");
        if (browser.driver.getCurrentUrl().contains("/login")) {
            browser.driver.findElement(By.id("username")).sendKeys(DepartmentSystems.OFFICER);
            browser.driver.findElement(By.id("password")).sendKeys(DepartmentSystems.OFFICER_PASSWORD);
            browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
            browser.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.not(
                    org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login")));
        }
    }

    private String status(String part) {
        return jdbc.sql("SELECT status FROM services_part WHERE id = ?::uuid").param(part).query(String.class).single();
    }
}
