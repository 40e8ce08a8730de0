package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;

/** A signed-in resident who mistypes an address or opens an administrator's page reads why, in Chinese, and goes back. */
@IntegrationTest
class ErrorPagesBrowserTest {

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
    void aResidentMeetsAnUnknownAndAForbiddenPageAsChinesePagesWithAWayBack() {
        browser.login("resident", DataFoundationBrowserTest.PASSWORD);

        browser.open("/no-such-page");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("页面不存在");
        assertThat(browser.driver.getPageSource()).doesNotContain("Whitelabel", "\"status\"");

        browser.open("/catalog/lists/negative");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("无权访问");
        assertThat(browser.text(By.cssSelector("section.error-page"))).contains("没有访问此页面");
        // still signed in, inside the layout
        assertThat(browser.text(By.cssSelector(".who"))).contains("resident");

        browser.driver.findElement(By.linkText("返回首页")).click();
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.titleIs("无权访问")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/");
    }
}
