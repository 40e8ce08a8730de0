package com.example.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The legacy police database: yiwang writes applications into it and polls the officers' decisions from it. */
class LegacyDatabaseTest {

    @Test
    void createsTheTablesOnceAndRecordsAnOfficersDecision() {
        String url = "jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        LegacyDatabase.create(url, "sa", "");
        DataSource dataSource = dataSource(url);
        LegacyDatabase.create(dataSource); // again, as at every start: nothing breaks, nothing is lost

        // what yiwang's JDBC connector writes
        JdbcClient.create(dataSource).sql("""
                INSERT INTO T_TZHY_SQ (YWLSH, SQBH, SXBM, DWMC, TYSHXYDM, JYDZ, FDDBR, LXDH, KFS, CWS, ZBFZR)
                VALUES ('delivery-1', 'part-1', 'TZHY-LG', '上海某某旅馆有限公司', '91350100M000100Y43',
                        '徐汇区某路1号', '张三', '13800000000', 20, 40, '李四')""").update();
        String resultId = LegacyDatabase.recordResult(dataSource, "delivery-1", "part-1",
                LegacyDatabase.Status.APPROVED, "符合条件", "旅馆业");

        assertThat(LegacyDatabase.applications(dataSource)).singleElement().satisfies(application -> {
            assertThat(application.businessName()).isEqualTo("上海某某旅馆有限公司");
            assertThat(application.rooms()).isEqualTo(20);
            assertThat(application.storedAt()).isNotNull();
        });
        // what yiwang polls
        assertThat(JdbcClient.create(dataSource).sql("SELECT JGID, YWLSH, SQBH, ZT, YJ, XKFW FROM T_TZHY_JG")
                .query().singleRow())
                .containsEntry("JGID", resultId)
                .containsEntry("YWLSH", "delivery-1")
                .containsEntry("SQBH", "part-1")
                .containsEntry("ZT", "02")
                .containsEntry("YJ", "符合条件")
                .containsEntry("XKFW", "旅馆业");
        assertThat(LegacyDatabase.results(dataSource)).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(LegacyDatabase.Status.APPROVED));
    }

    private static DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        return dataSource;
    }
}
