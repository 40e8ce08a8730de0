package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;

/**
 * MISSION.md's 一网通办 scenarios in a real browser with the demo accounts: the hotel change from login to four
 * issued licenses (each fact typed at most once, no license uploaded), the ride-hailing check decided
 * automatically, and the house sale handled by two departments in one pass.
 */
@IntegrationTest
class ServicesBrowserTest {

    static final String PASSWORD = DataFoundationBrowserTest.PASSWORD;
    /** What an applicant types when the form asks; a fact the base lacks in the demo district. */
    static final Map<String, String> ANSWERS = Map.of(
            "entity.employees", "35",
            "entity.security_officer", "孙建国",
            "person.vehicle_plate", "沪A88888",
            "person.ride_hailing_platform", "01",
            "house.transfer_price", "610.00",
            "house.buyer_name", "钱进");

    static Browser browser;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    /** Each scenario starts signed out, whatever the one before left behind. */
    @org.junit.jupiter.api.BeforeEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void theHotelChangeGoesFromOneFormToFourLicenses() {
        browser.login("enterprise", PASSWORD);
        browser.open("/services/bundles/HOTEL_CHANGE");
        browser.await(By.cssSelector("a[href$='/apply/bundles/HOTEL_CHANGE']")).click();
        browser.await(By.id("apply-form"));
        assertThat(browser.text(By.cssSelector("#prefilled tr[data-element='entity.credit_code']"))).contains("权威数据");
        // a hotel change renames the hotel: the new name beside the registered one
        browser.driver.findElement(By.id("v.entity.name")).sendKeys("上海徐汇衡山酒店" + System.nanoTime() % 100000 + "有限公司");
        List<String> typed = fillMissing();
        assertThat(typed).containsExactlyInAnyOrder("entity.employees", "entity.security_officer");
        assertThat(browser.driver.findElements(By.cssSelector("#materials input[type=file]"))).hasSize(1);
        assertThat(browser.text(By.id("materials"))).contains("免提交");
        // a double click: two posts of the same form make one application
        ((JavascriptExecutor) browser.driver).executeScript(
                "const f = document.getElementById('apply-form'); f.requestSubmit(); f.requestSubmit();");
        String reference = browser.text(By.id("reference"));
        assertThat(browser.driver.findElements(By.cssSelector(".part"))).hasSize(4);
        browser.open("/me/applications");
        assertThat(browser.driver.findElements(By.xpath("//table[@id='applications']//a[text()='" + reference + "']")))
                .hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#applications tbody tr"))).hasSize(1);
        browser.logout();

        for (String officer : List.of("commerce", "health", "police", "officer")) {
            browser.login(officer, PASSWORD);
            approve(reference, true);
            browser.logout();
        }

        browser.login("enterprise", PASSWORD);
        browser.open("/me/applications");
        browser.await(By.linkText(reference)).click();
        assertThat(browser.await(By.id("app-status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        List<WebElement> licenses = browser.driver.findElements(By.cssSelector("a.license-link"));
        assertThat(licenses).hasSize(4);
        assertThat(browser.text(By.id("once-only"))).startsWith("本次您填写了 3 项信息");
        licenses.get(0).click();
        assertThat(browser.await(By.tagName("main")).getText()).contains("有效");
        browser.open("/me/applications");
        assertThat(browser.text(By.id("notices"))).contains("已准予许可");
        browser.logout();

        browser.login("admin", PASSWORD);
        browser.open("/services/once-only");
        WebElement hotel = browser.await(By.cssSelector("[data-target='HOTEL_CHANGE']"));
        List<WebElement> perFact = hotel.findElements(By.cssSelector("tr.per-fact td"));
        assertThat(Integer.parseInt(perFact.get(0).getText())).isGreaterThanOrEqualTo(4);
        assertThat(perFact.get(1).getText()).isEqualTo("1");
        assertThat(hotel.findElements(By.cssSelector("tr.copies td")).get(1).getText()).isEqualTo("0");
        browser.logout();
    }

    @Test
    void theRideHailingCheckIsDecidedAutomatically() {
        browser.login("resident", PASSWORD);
        browser.open("/apply/items/RIDE_HAILING");
        browser.await(By.id("apply-form"));
        assertThat(browser.text(By.cssSelector("#prefilled tr[data-element='person.driver_license_class']"))).contains("C1");
        // the one thing the base cannot know: the platform the driver will serve
        assertThat(fillMissing()).containsExactly("person.vehicle_plate", "person.ride_hailing_platform");
        browser.driver.findElement(By.id("submit")).click();
        browser.await(By.id("reference"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            d.navigate().refresh();
            return "COMPLETED".equals(d.findElement(By.id("app-status")).getAttribute("data-status"));
        });
        assertThat(browser.text(By.cssSelector(".part"))).contains("准予许可");
        assertThat(browser.driver.findElements(By.cssSelector("a.license-link"))).hasSize(1);
        browser.logout();
    }

    @org.springframework.beans.factory.annotation.Autowired org.yiwang.basedata.Facts facts;
    @org.springframework.beans.factory.annotation.Autowired org.yiwang.licenses.Licenses licenses;
    @org.springframework.beans.factory.annotation.Autowired org.yiwang.directory.Users users;

    /** The seller is a fresh resident with an account of their own: the demo flat stays with 张伟. */
    @Test
    void theHouseSaleIsOnePassThroughTwoDepartments() throws Exception {
        var seller = new org.yiwang.services.ServiceFixtures(facts, licenses).seller();
        String username = "seller" + seller.citizenId().substring(12);
        users.create(new org.yiwang.directory.NewUser(username, PASSWORD, "赵敏", org.yiwang.kernel.Role.RESIDENT, null,
                null, seller.citizenId(), java.util.Set.of()));
        browser.login(username, PASSWORD);
        browser.open("/apply/bundles/HOUSE_SALE");
        browser.await(By.id("apply-form"));
        browser.driver.findElement(By.id("v.house.buyer_citizen_id")).sendKeys(TestSubjects.citizenId());
        assertThat(fillMissing()).containsExactlyInAnyOrder("house.transfer_price", "house.buyer_name");
        Path contract = Files.createTempFile("contract", ".pdf");
        Files.writeString(contract, "%PDF-1.4 存量房买卖合同");
        browser.driver.findElement(By.name("f.HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT"))
                .sendKeys(contract.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        String reference = browser.text(By.id("reference"));
        assertThat(browser.driver.findElements(By.cssSelector(".part"))).hasSize(2);
        browser.logout();

        for (String officer : List.of("tax", "housing")) {
            browser.login(officer, PASSWORD);
            approve(reference, false);
            browser.logout();
        }
        browser.login(username, PASSWORD);
        browser.open("/me/applications");
        browser.await(By.linkText(reference)).click();
        assertThat(browser.await(By.id("app-status")).getAttribute("data-status")).isEqualTo("COMPLETED");
        browser.logout();
    }

    /** Types an answer into every field the form asks for that is still empty; returns their element codes. */
    private static List<String> fillMissing() {
        List<String> typed = new java.util.ArrayList<>();
        for (WebElement input : browser.driver.findElements(By.cssSelector("#missing-fields [name^='v.'][aria-required='true']"))) {
            String element = input.getAttribute("name").substring(2);
            if (!input.getAttribute("value").isEmpty()) continue;
            String answer = ANSWERS.get(element);
            assertThat(answer).as("the form asks for " + element).isNotNull();
            if (input.getTagName().equals("select")) new org.openqa.selenium.support.ui.Select(input).selectByValue(answer);
            else input.sendKeys(answer);
            typed.add(element);
        }
        return typed;
    }

    /** An officer finds the application in the workbench queue and approves their part (accepting it first). */
    private static void approve(String reference, boolean acceptFirst) {
        browser.open("/workbench");
        browser.await(By.linkText(reference)).click();
        if (acceptFirst) {
            browser.await(By.id("accept")).click();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "ACCEPTED"));
        }
        // the tax certificate states the tax paid: no data element supplies it, the officer does
        for (WebElement field : browser.driver.findElements(By.cssSelector("#decisions input[name='lf.amount']"))) {
            field.sendKeys("18300.00");
        }
        browser.await(By.id("approve")).click();
        // granting a licence cannot be undone: the page asks first
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "APPROVED"));
    }
}
