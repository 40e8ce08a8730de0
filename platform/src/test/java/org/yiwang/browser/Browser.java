package org.yiwang.browser;

import java.io.File;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver — nothing is downloaded at run time. Without the
 * browser installed the test is skipped, unless {@code YIWANG_REQUIRE_BROWSER=true} (CI) makes that a failure.
 */
final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    Browser(int port) {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("YIWANG_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=1280,1600",
                "--user-data-dir=" + System.getProperty("java.io.tmpdir") + "/yiwang-chromium-" + UUID.randomUUID());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // a page replaced between finding an element and reading it is just a page still loading
        wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Signs in; data and system administrators then give a TOTP code, computed from the secret shown at their
     * first sign-in (enrolment).
     */
    void login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().matches(".*/login([?#].*)?$"));
        if (driver.getCurrentUrl().contains("/login/totp")) {
            var secret = driver.findElements(By.id("totp-secret"));
            if (!secret.isEmpty()) org.yiwang.TestTotp.remember(username, secret.get(0).getAttribute("data-secret"));
            driver.findElement(By.id("code")).sendKeys(org.yiwang.TestTotp.nextCode(username));
            driver.findElement(By.id("totp-submit")).click();
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        }
    }

    void logout() {
        driver.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String text(By by) {
        return await(by).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
