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
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
