package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Facts;
import org.yiwang.directory.NewUser;
import org.yiwang.directory.Users;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;

/**
 * Issue 9 as the people who use 一网通办 every day: the tax and housing officers deciding with the facts and the
 * uploaded contract in front of them, the window clerk correcting a mistyped number and printing the receipt, and a
 * resident following the status of an application an officer has to check — on a desktop and on a phone.
 */
@IntegrationTest
class OfficerAndClerkBrowserTest {

    static final String PASSWORD = DataFoundationBrowserTest.PASSWORD;
    static Browser browser;

    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired Users users;
    @Autowired org.yiwang.catalog.Catalog catalog;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @BeforeEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
        desktop();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void theTaxOfficerSeesThePriceHousingOpensTheContractAndTheSellerCorrectsByName() throws Exception {
        var seller = new ServiceFixtures(facts, licenses).seller();
        String username = account(seller.citizenId(), "赵敏");
        browser.login(username, PASSWORD);
        browser.open("/apply/bundles/HOUSE_SALE");
        browser.await(By.id("apply-form"));
        browser.driver.findElement(By.id("v.house.buyer_citizen_id")).sendKeys(TestSubjects.citizenId());
        browser.driver.findElement(By.id("v.house.transfer_price")).sendKeys("610.00");
        browser.driver.findElement(By.id("v.house.buyer_name")).sendKeys("钱进");
        Path contract = Files.createTempFile("contract", ".pdf");
        Files.writeString(contract, "%PDF-1.4 存量房买卖合同");
        browser.driver.findElement(By.name("f.HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT"))
                .sendKeys(contract.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        String reference = browser.text(By.id("reference"));
        browser.logout();

        browser.login("tax", PASSWORD);
        openPart(reference);
        WebElement price = browser.await(By.cssSelector("#part-values tr[data-element='house.transfer_price']"));
        assertThat(price.findElement(By.tagName("th")).getText()).startsWith("成交价格");
        assertThat(price.findElement(By.cssSelector(".value")).getText()).startsWith("610");
        assertThat(price.findElement(By.cssSelector(".typed")).getText()).isEqualTo("是");
        assertThat(price.findElement(By.cssSelector(".source")).getText()).isEqualTo("申请人");
        WebElement area = browser.driver.findElement(By.cssSelector("#part-values tr[data-element='house.area']"));
        assertThat(area.getText()).contains("76.3").contains("徐汇区房屋管理局").contains("权威");
        for (WebElement th : browser.driver.findElements(By.cssSelector("#part-values tbody th"))) {
            assertThat(th.getText()).isNotBlank();
        }
        // on a phone the facts are one readable card per element, nothing to scroll sideways
        phone();
        browser.driver.navigate().refresh();
        browser.await(By.id("part-values"));
        assertThat(fitsTheScreen()).isTrue();
        assertThat(js("return getComputedStyle(document.querySelector('#part-values tbody tr')).display"))
                .isEqualTo("block");
        desktop();
        browser.driver.navigate().refresh();
        browser.driver.findElement(By.cssSelector("#decisions input[name='lf.amount']")).sendKeys("18300.00");
        approveConfirmed();
        browser.logout();

        browser.login("housing", PASSWORD);
        openPart(reference);
        WebElement upload = browser.await(By.cssSelector("#materials a.upload-link"));
        assertThat(upload.getText()).contains(".pdf");
        assertThat(fetch(upload.getAttribute("href"))).isEqualTo("200 application/pdf");
        browser.driver.findElement(By.cssSelector("#decisions details summary")).click();
        WebElement buyerName = browser.await(By.xpath(
                "//form[@id='return-form']//label[input[@value='house.buyer_name']]"));
        String buyerNameLabel = catalog.require("house.buyer_name").nameZh();
        assertThat(buyerName.getText()).isEqualTo(buyerNameLabel);
        buyerName.click();
        browser.driver.findElement(By.id("reason")).sendKeys("买受人姓名与身份证不一致");
        browser.driver.findElement(By.id("return")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "RETURNED"));
        browser.logout();

        browser.login(username, PASSWORD);
        browser.open("/me/applications");
        browser.await(By.linkText(reference)).click();
        WebElement label = browser.await(By.cssSelector("form.correction label"));
        assertThat(label.getText()).isEqualTo(buyerNameLabel);
        browser.logout();
    }

    @Test
    void theClerkFixesAMistypedNumberEntersTheApplicationAndPrintsItsReceipt() {
        var driver = new ServiceFixtures(facts, licenses).driver(false, "吴磊", "1");
        browser.login("clerk", PASSWORD);
        browser.open("/window");
        browser.await(By.id("applicant")).sendKeys("3101041988");
        new Select(browser.driver.findElement(By.id("target"))).selectByValue("items:RIDE_HAILING");
        browser.driver.findElement(By.cssSelector("#window-start button[type=submit]")).click();
        assertThat(browser.text(By.id("applicant-error"))).isNotBlank();
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("\"status\"");
        WebElement applicant = browser.driver.findElement(By.id("applicant"));
        applicant.clear();
        applicant.sendKeys(driver.citizenId());
        new Select(browser.driver.findElement(By.id("target"))).selectByValue("items:RIDE_HAILING");
        browser.driver.findElement(By.cssSelector("#window-start button[type=submit]")).click();
        browser.await(By.id("apply-form"));
        browser.driver.findElement(By.id("v.person.vehicle_plate")).sendKeys("沪D" + driver.citizenId().substring(13));
        new Select(browser.driver.findElement(By.id("v.person.ride_hailing_platform"))).selectByValue("01");
        browser.driver.findElement(By.id("submit")).click();
        String reference = browser.text(By.id("reference"));
        // every link on the confirmation page leads somewhere the clerk may go
        List<String> links = browser.driver.findElements(By.cssSelector("main a[href]")).stream()
                .map(a -> a.getAttribute("href")).filter(h -> !h.contains("lang=")).distinct().toList();
        assertThat(links).anyMatch(h -> h.endsWith("/receipt.pdf")).anyMatch(h -> h.endsWith("/window"));
        for (String link : links) {
            assertThat(fetch(link)).as(link).startsWith("200 ");
        }
        assertThat(fetch(browser.driver.findElement(By.id("receipt")).getAttribute("href"))).isEqualTo("200 application/pdf");
        browser.open("/window");
        WebElement row = browser.await(By.cssSelector("#window-applications tr[data-reference='" + reference + "']"));
        assertThat(row.getText()).contains("网络预约出租汽车驾驶员证").contains("clerk");
        browser.logout();
    }

    @Test
    void aResidentFollowsAnApplicationAnOfficerMustCheckAndCannotFileItTwice() throws Exception {
        var fixtures = new ServiceFixtures(facts, licenses);
        var person = fixtures.person("郑浩", "1", "1987-07-07", true);
        fixtures.issue("HOUSEHOLD_REGISTER", SubjectType.PERSON, person.citizenId(), "郑浩",
                Map.of("household_id", "H" + person.citizenId().substring(6, 18), "relation", "01",
                        "address", "上海市徐汇区天平路100号"));
        String username = account(person.citizenId(), "郑浩");
        browser.login(username, PASSWORD);
        phone();
        browser.open("/apply/items/RIDE_HAILING");
        browser.await(By.id("apply-form"));
        assertThat(fitsTheScreen()).as("the form at 390 px").isTrue();
        desktop();
        // no driving licence on file: he types its class himself, and uploads a scan of it
        browser.driver.findElement(By.id("v.person.driver_license_class")).sendKeys("C1");
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('v.person.driver_license_first_issue').value = '2010-01-01';");
        browser.driver.findElement(By.id("v.person.vehicle_plate")).sendKeys("沪E" + person.citizenId().substring(13));
        new Select(browser.driver.findElement(By.id("v.person.ride_hailing_platform"))).selectByValue("01");
        Path scan = Files.createTempFile("licence", ".pdf");
        Files.writeString(scan, "%PDF-1.4 驾驶证");
        browser.driver.findElement(By.name("f.RIDE_HAILING.DRIVER_LICENSE")).sendKeys(scan.toAbsolutePath().toString());
        browser.driver.findElement(By.id("submit")).click();
        String reference = browser.text(By.id("reference"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector(".part")).getAttribute("textContent").contains("未自动审批");
        });
        assertThat(browser.await(By.id("app-status")).getAttribute("data-status")).isEqualTo("IN_PROGRESS");

        browser.open("/me/applications");
        WebElement row = browser.await(By.xpath("//table[@id='applications']//tr[.//a[text()='" + reference + "']]"));
        assertThat(row.findElement(By.cssSelector("td.status")).getText()).isEqualTo("办理中");
        assertThat(row.getText()).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        browser.open("/apply/items/RIDE_HAILING");
        assertThat(browser.text(By.id("unavailable"))).contains(reference);
        browser.driver.findElement(By.id("in-progress-link")).click();
        assertThat(browser.text(By.id("reference"))).isEqualTo(reference);
        browser.logout();
    }

    private String account(String citizenId, String name) {
        String username = "r" + citizenId.substring(10);
        users.create(new NewUser(username, PASSWORD, name, Role.RESIDENT, null, null, citizenId, Set.of()));
        return username;
    }

    private static void openPart(String reference) {
        browser.open("/workbench");
        browser.await(By.linkText(reference)).click();
        browser.await(By.id("part-values"));
    }

    /** 准予许可 asks first; the officer confirms. */
    private static void approveConfirmed() {
        browser.await(By.id("approve")).click();
        var alert = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains("准予许可");
        alert.accept();
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("part-status"), "data-status", "APPROVED"));
    }

    /** Status and content type of a GET made by the page itself, with its session. */
    private static String fetch(String url) {
        return (String) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status + ' ' + (r.headers.get('content-type') || '').split(';')[0]
                        + (r.url.includes('/login') ? ' login' : ''))).catch(e => done('error ' + e));""", url);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }

    private static boolean fitsTheScreen() {
        return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
    }

    private static void phone() {
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    private static void desktop() {
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
