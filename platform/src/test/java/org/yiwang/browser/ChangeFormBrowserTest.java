package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.services.ApplicationParts;
import org.yiwang.services.Part;

/**
 * The hotel change as the demo enterprise's clerk: the form shows the registered name beside the new one, a change
 * that changes nothing is refused beside the field, a real change reaches the part with old and new, and the new
 * name becomes the base's only when market regulation approves.
 */
@IntegrationTest
class ChangeFormBrowserTest {

    static final String CREDIT_CODE = "91310104MA1FL0QX48";
    static Browser browser;

    @Autowired PersonalData personalData;
    @Autowired ApplicationParts parts;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void aHotelRenameShowsOldAndNewIsRefusedWhenNothingChangesAndIsAuthoritativeOnlyAfterApproval() {
        browser.driver.manage().deleteAllCookies();
        String current = name();
        browser.login("enterprise", ServicesBrowserTest.PASSWORD);
        browser.open("/apply/bundles/HOTEL_CHANGE");
        browser.await(By.id("apply-form"));
        WebElement row = browser.await(By.cssSelector("#changes tr[data-element='entity.name']"));
        assertThat(row.findElement(By.cssSelector(".before")).getText()).contains(current);
        assertThat(browser.text(By.cssSelector("#changes thead"))).contains("变更事项", "变更前", "变更后");
        assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("需要您填写(0项)");

        // the same name again: refused beside the field, nothing submitted
        long before = applications();
        fillRequired();
        browser.driver.findElement(By.id("v.entity.name")).sendKeys(current);
        browser.driver.findElement(By.id("submit")).click();
        WebElement refused = browser.await(By.cssSelector("#changes tr[data-element='entity.name'] .bad"));
        assertThat(refused.getText()).contains("名称未作变更");
        assertThat(applications()).isEqualTo(before);

        String renamed = "上海徐汇衡山酒店" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        WebElement input = browser.driver.findElement(By.id("v.entity.name"));
        input.clear();
        input.sendKeys(renamed);
        fillRequired();
        browser.driver.findElement(By.id("submit")).click();
        String reference = browser.text(By.id("reference"));
        browser.logout();

        // market regulation's part states what changes, before and after
        String partId = jdbc.sql("""
                SELECT p.id::text FROM services_part p JOIN services_application a ON a.id = p.application_id
                 WHERE a.reference = ? AND p.department = '310104-SCJG'""").param(reference).query(String.class).single();
        Part part = parts.part(new Actor("officer", Role.DEPARTMENT_OFFICER, "310104-SCJG", null, null, Set.of()),
                UUID.fromString(partId));
        assertThat(part.values()).containsEntry("entity.name", renamed)
                .containsEntry("entity.change_items", "名称")
                .containsEntry("entity.change_before", "名称：" + current)
                .containsEntry("entity.change_after", "名称：" + renamed);
        assertThat(part.elements()).contains("entity.change_items", "entity.change_before", "entity.change_after");

        for (String officer : List.of("commerce", "health", "police")) {
            browser.login(officer, ServicesBrowserTest.PASSWORD);
            approve(reference);
            browser.logout();
        }
        // three departments approved; the one responsible for the name has not yet
        assertThat(name()).isEqualTo(current);
        browser.login("officer", ServicesBrowserTest.PASSWORD);
        approve(reference);
        browser.logout();
        assertThat(name()).isEqualTo(renamed);
    }

    private String name() {
        return personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(CREDIT_CODE),
                List.of("entity.name"), "DATA_GOVERNANCE", true)).values().get("entity.name").value();
    }

    private long applications() {
        return jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = 'enterprise'")
                .query(Long.class).single();
    }

    private static void fillRequired() {
        Map<String, String> answers = ServicesBrowserTest.ANSWERS;
        for (WebElement input : browser.driver.findElements(By.cssSelector("#missing-fields [name^='v.'][aria-required='true']"))) {
            String element = input.getAttribute("name").substring(2);
            if (!input.getAttribute("value").isEmpty()) continue;
            assertThat(answers).as("the form asks for " + element).containsKey(element);
            input.sendKeys(answers.get(element));
        }
    }

    private static void approve(String reference) {
        browser.open("/workbench");
        browser.await(By.linkText(reference)).click();
        browser.await(By.id("accept")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "ACCEPTED"));
        browser.await(By.id("approve")).click();
        // granting a licence cannot be undone: the page asks first
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "APPROVED"));
    }
}
