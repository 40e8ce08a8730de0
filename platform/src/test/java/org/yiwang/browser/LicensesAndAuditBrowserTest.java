package org.yiwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hutool.core.util.CreditCodeUtil;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/**
 * Licenses and the audit log as their users meet them, in a real browser: the resident shows a license (亮证) and
 * its QR code, scanned, leads to the verification page by token, never by serial; the data administrator finds an
 * enterprise's records by its all-digit credit code, read as labels in Shanghai time, and a malformed identifier
 * gets a message beside the field.
 */
@IntegrationTest
class LicensesAndAuditBrowserTest {

    static Browser browser;

    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void start(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    @BeforeEach
    void signedOut() {
        browser.open("/login");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void theResidentShowsALicenseAndItsQrCodeLeadsToTheTokenPage() throws Exception {
        browser.login("resident", DataFoundationBrowserTest.PASSWORD);
        browser.open("/me/licenses");
        WebElement card = browser.await(By.cssSelector("article[data-type='ID_CARD']"));
        String licenseId = card.findElement(By.cssSelector(".lic-id")).getText();
        card.findElement(By.linkText("亮证")).click();

        WebElement qr = browser.await(By.cssSelector("#shown img.lic-qr"));
        browser.wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", qr));
        String scanned = decode(qr.getScreenshotAs(OutputType.BYTES));

        assertThat(scanned).contains("/verify/t/").doesNotContain(licenseId).doesNotContain(licenseId.split("\\.")[7]);
        assertThat(browser.driver.findElement(By.id("verify-link")).getAttribute("href")).isEqualTo(scanned);
        browser.driver.get(scanned);
        assertThat(browser.text(By.cssSelector("#verdict .lic-status"))).isEqualTo("有效");
        assertThat(browser.text(By.id("verdict"))).contains("居民身份证").contains("张*").doesNotContain("张伟");
    }

    @Test
    void theAdministratorFindsAnEnterprisesRecordsByItsCreditCodeInChineseAndShanghaiTime() {
        String code = allDigitCreditCode();
        Actor officer = new Actor("scjg-browser-" + UUID.randomUUID().toString().substring(0, 8),
                Role.DEPARTMENT_OFFICER, "310104-SCJG", null, null, Set.of());
        auditLog.record(new AuditEntry(officer, AuditEntry.Action.READ, "MARKET_SUPERVISION", SubjectType.LEGAL_ENTITY,
                code, code, List.of("entity.name"), true, "DEMAND_LIST"));
        OffsetDateTime at = jdbc.sql("SELECT recorded_at FROM audit_record WHERE subject_key = ?").param(code)
                .query(OffsetDateTime.class).single();

        browser.login("admin", DataFoundationBrowserTest.PASSWORD);
        browser.open("/audit");
        browser.await(By.name("subjectKey")).sendKeys(code);
        browser.driver.findElement(By.cssSelector("form[method=get] button[type=submit]")).click();

        List<WebElement> rows = browser.wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("tbody tr"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize(1);
        String row = rows.get(0).getText();
        assertThat(row).contains("市场监管").contains("名称").contains("需求清单").contains("徐汇区市场监督管理局")
                .contains("法人").contains(code)
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))))
                .doesNotContain("MARKET_SUPERVISION").doesNotContain("DEMAND_LIST");

        // a malformed identifier is not searched: the message stands beside the field
        browser.open("/audit");
        browser.await(By.name("subjectKey")).sendKeys("91310104 OR 1=1");
        browser.driver.findElement(By.cssSelector("form[method=get] button[type=submit]")).click();
        assertThat(browser.text(By.id("error-subjectKey"))).contains("主体标识格式不对");
        assertThat(browser.driver.findElements(By.cssSelector("tbody tr"))).isEmpty();
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    /** A unified social credit code of 18 digits: the kind an ID-number check used to refuse. */
    static String allDigitCreditCode() {
        while (true) {
            String body = "9131010" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
            for (char d = '0'; d <= '9'; d++) {
                if (CreditCodeUtil.isCreditCode(body + d)) return body + d;
            }
        }
    }
}
