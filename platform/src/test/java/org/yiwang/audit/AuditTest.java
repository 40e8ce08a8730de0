package org.yiwang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.hutool.core.util.CreditCodeUtil;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/** Recording, a resident's and an enterprise's own view, and the administrator's search. */
@IntegrationTest
class AuditTest {

    static final Actor OFFICER = new Actor("mz-officer-1", Role.DEPARTMENT_OFFICER, "310104-MZ", null, null, Set.of());
    static final Actor ADMIN = new Actor("audit-admin", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());

    @Autowired MockMvc mvc;
    @Autowired AuditLog auditLog;
    @Autowired FieldCipher cipher;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRecordedReadShowsInTheResidentsDataUsage() throws Exception {
        CitizenId me = newCitizenId();
        String purpose = "低保资格审核-" + UUID.randomUUID();
        auditLog.record(read(OFFICER, me, purpose, List.of("PERSON_NAME", "HOUSEHOLD_ADDRESS"), true, "DEMAND_LIST"));

        mvc.perform(get("/api/v1/me/data-usage").with(as(resident(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].departmentCode").value("310104-MZ"))
                .andExpect(jsonPath("$.items[0].departmentName").value("徐汇区民政局"))
                .andExpect(jsonPath("$.items[0].role").value("DEPARTMENT_OFFICER"))
                .andExpect(jsonPath("$.items[0].purpose").value(purpose))
                .andExpect(jsonPath("$.items[0].elements[0]").value("PERSON_NAME"))
                .andExpect(jsonPath("$.items[0].elements[1]").value("HOUSEHOLD_ADDRESS"))
                .andExpect(jsonPath("$.items[0].allowed").value(true))
                // the officer's login is not shown to the citizen, only the department and role
                .andExpect(jsonPath("$.items[0].actorUsername").doesNotExist())
                .andExpect(content().string(Matchers.not(Matchers.containsString("mz-officer-1"))));

        mvc.perform(get("/me/data-usage").with(as(resident(me))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("我的数据使用记录")))
                .andExpect(content().string(Matchers.containsString(purpose)))
                .andExpect(content().string(Matchers.containsString("徐汇区民政局")));
    }

    @Test
    void aResidentNeverSeesAnotherPersonsRecords() throws Exception {
        CitizenId me = newCitizenId();
        CitizenId neighbour = newCitizenId();
        auditLog.record(read(OFFICER, neighbour, "邻居的记录", List.of("PERSON_NAME"), true, "DEMAND_LIST"));

        mvc.perform(get("/api/v1/me/data-usage").with(as(resident(me))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/me/data-usage").with(as(resident(neighbour))))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void theLogIsNewestFirstAndPaged() throws Exception {
        CitizenId me = newCitizenId();
        for (int i = 1; i <= 3; i++) {
            auditLog.record(read(OFFICER, me, "purpose-" + i, List.of("PERSON_NAME"), true, "DEMAND_LIST"));
        }
        mvc.perform(get("/api/v1/me/data-usage").param("size", "2").with(as(resident(me))))
                .andExpect(jsonPath("$.items[*].purpose").value(Matchers.contains("purpose-3", "purpose-2")))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(get("/api/v1/me/data-usage").param("size", "2").param("page", "1").with(as(resident(me))))
                .andExpect(jsonPath("$.items[*].purpose").value(Matchers.contains("purpose-1")))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    @Test
    void anEnterpriseSeesTheUsesOfItsOwnEntitiesOnly() throws Exception {
        CreditCode mine = CreditCode.parse(CreditCodeUtil.randomCreditCode());
        CreditCode other = CreditCode.parse(CreditCodeUtil.randomCreditCode());
        auditLog.record(new AuditEntry(OFFICER, AuditEntry.Action.READ, "年报核查", SubjectType.LEGAL_ENTITY,
                mine.value(), mine.value(), List.of("ENTITY_NAME"), true, "DEMAND_LIST"));
        auditLog.record(new AuditEntry(OFFICER, AuditEntry.Action.READ, "别家企业", SubjectType.LEGAL_ENTITY,
                other.value(), other.value(), List.of("ENTITY_NAME"), true, "DEMAND_LIST"));
        Actor enterprise = new Actor("ent-" + mine.value(), Role.ENTERPRISE, null, null, null, Set.of(mine));

        mvc.perform(get("/api/v1/me/data-usage").with(as(enterprise)))
                .andExpect(jsonPath("$.items[*].purpose").value(Matchers.contains("年报核查")));
    }

    @Test
    void aDenialSurvivesTheRollbackOfTheRefusedCommand() throws Exception {
        CitizenId me = newCitizenId();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            auditLog.record(read(OFFICER, me, "rolled back read", List.of("PHONE"), true, "DEMAND_LIST"));
            auditLog.recordDenial(read(OFFICER, me, "refused read", List.of("RELIGION"), false, "NEGATIVE_LIST"));
            status.setRollbackOnly();
        });

        mvc.perform(get("/api/v1/me/data-usage").with(as(resident(me))))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].purpose").value("refused read"))
                .andExpect(jsonPath("$.items[0].allowed").value(false))
                .andExpect(jsonPath("$.items[0].reason").value("NEGATIVE_LIST"));
    }

    @Test
    void theDataAdministratorFindsAPersonsRecordsByCitizenId() throws Exception {
        CitizenId subject = newCitizenId();
        String purpose = "admin-search-" + UUID.randomUUID();
        auditLog.record(read(OFFICER, subject, purpose, List.of("PERSON_NAME"), true, "DEMAND_LIST"));

        mvc.perform(get("/api/v1/audit/records").param("subjectKey", subject.value()).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].purpose").value(purpose))
                .andExpect(jsonPath("$.items[0].actorUsername").value("mz-officer-1"))
                .andExpect(jsonPath("$.items[0].subjectDisplay").value(subject.masked()))
                // the ID number itself is never stored or returned
                .andExpect(content().string(Matchers.not(Matchers.containsString(subject.value()))));

        mvc.perform(get("/audit").param("subjectKey", subject.value()).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(purpose)));
    }

    @Test
    void aBadSearchIsAProblemNamingTheFieldAndRule() throws Exception {
        mvc.perform(get("/api/v1/audit/records").param("from", "2026-13-45").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("from"))
                .andExpect(jsonPath("$.rule").value("date-format"));
        mvc.perform(get("/api/v1/audit/records").param("from", "2026-02-01").param("to", "2026-01-01").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"))
                .andExpect(jsonPath("$.rule").value("range"));
        mvc.perform(get("/api/v1/audit/records").param("subjectKey", "110105194912310021").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("subjectKey"))
                .andExpect(jsonPath("$.rule").value("check-digit"));
    }

    @Test
    void theDataAdministratorFindsAnEnterpriseByAnAllDigitCreditCode() throws Exception {
        String code = allDigitCreditCode(false);
        String purpose = "enterprise-search-" + UUID.randomUUID();
        auditLog.record(new AuditEntry(OFFICER, AuditEntry.Action.READ, purpose, SubjectType.LEGAL_ENTITY, code, code,
                List.of("entity.name"), true, "DEMAND_LIST"));

        mvc.perform(get("/api/v1/audit/records").param("subjectKey", code).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].purpose").value(purpose))
                .andExpect(jsonPath("$.items[0].subjectKey").value(code));
        mvc.perform(get("/audit").param("subjectKey", code).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(purpose)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("error-subjectKey"))));
    }

    @Test
    void anIdentifierValidBothAsIdNumberAndAsCreditCodeFindsBothSubjects() throws Exception {
        String both = allDigitCreditCode(true);
        CitizenId person = CitizenId.parse(both);
        String purpose = "both-" + UUID.randomUUID();
        auditLog.record(read(OFFICER, person, purpose, List.of("person.name"), true, "DEMAND_LIST"));
        auditLog.record(new AuditEntry(OFFICER, AuditEntry.Action.READ, purpose, SubjectType.LEGAL_ENTITY, both, both,
                List.of("entity.name"), true, "DEMAND_LIST"));

        mvc.perform(get("/api/v1/audit/records").param("subjectKey", both).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[*].subjectType",
                        Matchers.containsInAnyOrder("PERSON", "LEGAL_ENTITY")));
    }

    @Test
    void aMalformedIdentifierIsRefusedWithAProblemAndNotSearched() throws Exception {
        long records = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();

        mvc.perform(get("/api/v1/audit/records").param("subjectKey", "张三 OR 1=1").with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field").value("subjectKey"))
                .andExpect(jsonPath("$.rule").value("subject-format"))
                .andExpect(jsonPath("$.items").doesNotExist());
        // 18 digits that are neither an ID number nor a credit code
        String neither = neitherIdNorCreditCode();
        mvc.perform(get("/api/v1/audit/records").param("subjectKey", neither).with(as(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("subjectKey"))
                .andExpect(jsonPath("$.rule").value("check-digit"));
        // the page says so beside the field and shows no results
        mvc.perform(get("/audit").param("subjectKey", neither).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-subjectKey\"")))
                .andExpect(content().string(Matchers.containsString("既不是有效的公民身份号码")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<table"))));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single()).isEqualTo(records);
    }

    @Test
    void purposesDecisionsReasonsAndElementsShowByTheirChineseNamesInShanghaiTime() throws Exception {
        CitizenId me = newCitizenId();
        auditLog.record(read(OFFICER, me, "DATA_GOVERNANCE", List.of("person.name", "person.phone"), false,
                "PARTIAL_DENIAL"));
        auditLog.record(read(OFFICER, me, "SELF_SERVICE", List.of("person.gender"), true, "SELF"));
        java.time.Instant at = jdbc.sql("SELECT max(recorded_at) FROM audit_record WHERE purpose = 'DATA_GOVERNANCE' "
                + "AND subject_key = ?").param(AuditEntry.personKey(cipher, me))
                .query(java.time.OffsetDateTime.class).single().toInstant();
        String shanghai = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Asia/Shanghai")));

        mvc.perform(get("/api/v1/me/data-usage").with(as(resident(me))))
                .andExpect(jsonPath("$.items[1].purpose").value("DATA_GOVERNANCE"))
                .andExpect(jsonPath("$.items[1].purposeName").value("数据治理"))
                .andExpect(jsonPath("$.items[1].elementNames[0]").value("姓名"))
                .andExpect(jsonPath("$.items[1].reasonName").value("部分拒绝"))
                .andExpect(jsonPath("$.items[0].purposeName").value("本人查询"));
        for (var page : List.of(get("/me/data-usage").with(as(resident(me))),
                get("/audit").param("subjectKey", me.value()).with(as(ADMIN)))) {
            mvc.perform(page).andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("数据治理")))
                    .andExpect(content().string(Matchers.containsString("部分拒绝")))
                    .andExpect(content().string(Matchers.containsString("本人查询")))
                    .andExpect(content().string(Matchers.containsString("姓名")))
                    .andExpect(content().string(Matchers.containsString(shanghai)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(">PARTIAL_DENIAL<"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString(">person.name<"))));
        }
        mvc.perform(get("/audit").param("subjectKey", me.value()).with(as(ADMIN)))
                .andExpect(content().string(Matchers.containsString("徐汇区民政局")))
                .andExpect(content().string(Matchers.containsString("自然人")));
    }

    /**
     * An 18-digit unified social credit code (GB 32100); with {@code alsoId} one that is a valid citizen ID (GB 11643)
     * of the demo district too.
     */
    static String allDigitCreditCode(boolean alsoId) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String body = alsoId ? newCitizenId().value().substring(0, 17)
                    : "9131010" + String.format("%010d", random.nextLong(10_000_000_000L));
            for (char d = '0'; d <= '9'; d++) {
                String code = body + d;
                if (CreditCodeUtil.isCreditCode(code)
                        && (!alsoId || d == org.yiwang.TestSubjects.checkDigit(body))) {
                    return code;
                }
            }
        }
    }

    /** 18 digits whose last digit fails both check rules. */
    static String neitherIdNorCreditCode() {
        String body = newCitizenId().value().substring(0, 17);
        for (char d = '0'; d <= '9'; d++) {
            String s = body + d;
            if (d != org.yiwang.TestSubjects.checkDigit(body) && !CreditCodeUtil.isCreditCode(s)) return s;
        }
        throw new IllegalStateException("unreachable: at most two digits pass");
    }

    @Test
    void onlyTheRightRolesReachEachView() throws Exception {
        mvc.perform(get("/api/v1/audit/records").with(as(resident(newCitizenId())))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/records").with(as(OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/data-usage").with(as(OFFICER))).andExpect(status().isForbidden());
        mvc.perform(get("/me/data-usage").with(as(ADMIN))).andExpect(status().isForbidden());
    }

    // --- helpers shared with the chain tests

    static AuditEntry read(Actor actor, CitizenId subject, String purpose, List<String> elements, boolean allowed,
            String reason, FieldCipher cipher) {
        return new AuditEntry(actor, AuditEntry.Action.READ, purpose, SubjectType.PERSON,
                AuditEntry.personKey(cipher, subject), subject.masked(), elements, allowed, reason);
    }

    private AuditEntry read(Actor actor, CitizenId subject, String purpose, List<String> elements, boolean allowed,
            String reason) {
        return read(actor, subject, purpose, elements, allowed, reason, cipher);
    }

    static Actor resident(CitizenId id) {
        return new Actor("resident-" + id.value().substring(6), Role.RESIDENT, null, null, id, Set.of());
    }

    static RequestPostProcessor as(Actor actor) {
        return user(new ActorPrincipal(actor, "", true));
    }

    /** A fresh valid citizen ID in the demo district, from the suite's sequence: never one another test has. */
    static CitizenId newCitizenId() {
        return CitizenId.parse(TestSubjects.citizenId());
    }

    static TransactionTemplate snapshotTransaction(PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return tx;
    }
}
