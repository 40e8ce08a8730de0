package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.yiwang.IntegrationTest;

/**
 * The data foundation's "done when", in a real browser: a data administrator imports the demo file, sees a
 * person's values with provenance, puts an element on the negative list and watches the read get refused with
 * the reason, verifies the audit chain; the resident sees who read their data.
 */
@IntegrationTest
class DataFoundationBrowserTest {

    static final String PASSWORD = "yiwang2026";
    static final String ZHANG_WEI = "310104199003074211";

    static Browser browser;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @Test
    void aDataAdministratorGovernsAndTheResidentSeesTheReads() throws Exception {
        browser.login("admin", PASSWORD);

        // import the shipped demo file: valid rows in, three broken rows reported with a download
        browser.open("/basedata/import");
        Path demo = Files.createTempFile("persons-demo", ".csv");
        try (var in = new ClassPathResource("demo/persons-demo.csv").getInputStream()) {
            Files.copy(in, demo, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        new Select(browser.driver.findElement(By.name("sourceDepartment"))).selectByValue("310104-GA");
        browser.driver.findElement(By.id("file")).sendKeys(demo.toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("import-status"), "导入完成"));
        assertThat(browser.text(By.id("rejected"))).isEqualTo("3");
        assertThat(Long.parseLong(browser.text(By.id("imported")))).isGreaterThanOrEqualTo(40);
        assertThat(browser.driver.findElements(By.cssSelector("#problems tbody tr"))).hasSize(3);
        assertThat(browser.await(By.id("download-rejected")).getAttribute("href")).endsWith("/rejected.csv");

        // a person's values with source, method and time
        assertThat(dossierRow("person.name")).contains("张*").contains("上海市公安局徐汇分局").contains("权威来源");

        // put the name on the negative list: the same read now refuses it with the reason
        browser.open("/catalog/lists/negative");
        browser.driver.findElement(By.cssSelector("details summary")).click();
        new Select(browser.driver.findElement(By.cssSelector("details select[name=element]"))).selectByValue("person.name");
        browser.driver.findElement(By.cssSelector("details input[name=reason]")).sendKeys("演示:姓名暂停共享");
        browser.driver.findElement(By.cssSelector("details input[name=confirm]")).click(); // a change asks first
        browser.driver.findElement(By.cssSelector("details button[type=submit]")).click();
        By entry = By.cssSelector("form[action$='/negative/delete'] input[value='person.name']");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(entry)); // the save has gone through
        try {
            assertThat(dossierRow("person.name")).contains("不予共享").contains("负面清单").doesNotContain("NEGATIVE_LIST");
            browser.open("/catalog/explain?consumer=310000-DSJ&element=person.name&purpose=DATA_GOVERNANCE");
            assertThat(browser.text(By.id("decision"))).contains("负面清单").doesNotContain("NEGATIVE_LIST");
        } finally {
            browser.open("/catalog/lists/negative");
            browser.driver.findElement(By.cssSelector("form[action$='/negative/delete'] input[value='person.name'] ~ button"))
                    .click();
            browser.await(By.cssSelector("#confirm-negative button[type=submit]")).click(); // asked again, confirmed
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(entry, 0)); // the delete has gone through
        }
        assertThat(dossierRow("person.name")).contains("张*");

        // the audit chain verifies
        browser.open("/audit");
        browser.driver.findElement(By.cssSelector("form[action$='/audit/verify'] button")).click();
        assertThat(browser.text(By.cssSelector("#verification .notice"))).contains("哈希链完整");
        browser.logout();

        // the resident sees that the data center read their data, and why
        browser.login("resident", PASSWORD);
        browser.open("/me/data-usage");
        // the purpose by its name, not its code
        assertThat(browser.await(By.tagName("main")).getText()).contains("上海市大数据中心").contains("数据治理")
                .doesNotContain("DATA_GOVERNANCE");
        browser.logout();
    }

    /** Finds 张伟 on the base data page and returns the text of one element's row. */
    private String dossierRow(String element) {
        browser.open("/basedata");
        new Select(browser.driver.findElement(By.name("type"))).selectByValue("PERSON");
        browser.driver.findElement(By.id("key")).sendKeys(ZHANG_WEI);
        browser.driver.findElement(By.cssSelector("form[action$='/basedata/find'] button")).click();
        return browser.text(By.cssSelector("#values tr[data-element='" + element + "']"));
    }
}
