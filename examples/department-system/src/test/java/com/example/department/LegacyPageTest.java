package com.example.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Profile {@code legacy}: the officers see what yiwang wrote and record a decision for yiwang to poll. */
class LegacyPageTest {

    @Test
    void anOfficerReturnsAnApplicationThroughTheLegacyPage() {
        try (ConfigurableApplicationContext legacy = new SpringApplicationBuilder(DepartmentSystemApplication.class)
                .profiles("legacy")
                .properties("server.port=0",
                        "spring.datasource.url=jdbc:h2:mem:legacy-page-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "department.name=徐汇公安分局 特种行业管理系统",
                        "department.connector=GAJ-TZHY",
                        "department.secret=legacy-secret",
                        "department.officer.password=" + Yiwang.PASSWORD)
                .run()) {
            DataSource dataSource = legacy.getBean(DataSource.class);
            JdbcClient.create(dataSource).sql("""
                    INSERT INTO T_TZHY_SQ (YWLSH, SQBH, SQH, SXBM, DWMC, KFS, CWS)
                    VALUES ('delivery-9', 'part-9', 'YW202611220009-1', 'TZHY-LG', '上海某某旅馆有限公司', 12, 24)""").update();
            Yiwang browser = new Yiwang("http://localhost:"
                    + legacy.getEnvironment().getProperty("local.server.port"), "GAJ-TZHY", "legacy-secret");
            assertThat(browser.get("/").statusCode()).as("the officers log in first").isEqualTo(302);
            browser.asOfficer();

            // people read the application number; yiwang's ids stay in the form's hidden fields
            assertThat(browser.get("/").body()).contains("徐汇公安分局 特种行业管理系统", "上海某某旅馆有限公司",
                    "YW202611220009-1", "登记审批结果", "04 退回").doesNotContain(">part-9<", ">delivery-9<");
            HttpResponse<String> posted = browser.submit("/", "/legacy/results",
                    "deliveryId=delivery-9&applicationNo=part-9&reference=YW202611220009-1&status=RETURNED&opinion="
                            + URLEncoder.encode("请补充消防验收意见书", StandardCharsets.UTF_8));

            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(JdbcClient.create(dataSource).sql("SELECT SQBH, ZT, YJ FROM T_TZHY_JG").query().singleRow())
                    .containsEntry("SQBH", "part-9")
                    .containsEntry("ZT", "04")
                    .containsEntry("YJ", "请补充消防验收意见书");
            assertThat(browser.get("/").body()).contains("请补充消防验收意见书", "已登记申请 YW202611220009-1 的审批结果")
                    .doesNotContain(">part-9<");
            // the legacy flavour has no webhook: yiwang reaches it through its database only
            assertThat(browser.get("/api/stats").statusCode()).isEqualTo(404);
        }
    }
}
