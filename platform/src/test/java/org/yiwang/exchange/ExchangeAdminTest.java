package org.yiwang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.demo.DemoExchange;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;

/** Connectors, mappings and subscriptions as the data administrator defines them: refused whole when wrong. */
@IntegrationTest
class ExchangeAdminTest {

    @Autowired MockMvc mvc;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    @Autowired DemoExchange demo;
    @Autowired Connectors connectors;
    @LocalServerPort int port;

    @BeforeEach
    void systems() {
        DepartmentSystems.start(port, demo);
    }

    @Test
    void aMappingThatWouldSendAnElementTheDemandListDoesNotGrantIsRefusedAtSave() throws Exception {
        int version = connectors.mapping(DemoExchange.HEALTH).orElseThrow().version();
        putMapping(DemoExchange.HEALTH, """
                {"fields": {"entity.name": "QYMC", "entity.registered_capital": "ZCZB", "entity.nope": "X"},
                 "codes": {"entity.name": {"1": "A"}}, "formats": {"entity.name": "yyyy"},
                 "statuses": {"99": "DONE"}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'fields.entity.registered_capital')].rule")
                        .value(Matchers.contains("no-demand-entry")))
                .andExpect(jsonPath("$.errors[?(@.field == 'fields.entity.nope')].rule").value(Matchers.contains("unknown-element")))
                .andExpect(jsonPath("$.errors[?(@.field == 'codes.entity.name')].rule").value(Matchers.contains("code-table")))
                .andExpect(jsonPath("$.errors[?(@.field == 'formats.entity.name')].rule").value(Matchers.contains("format")))
                .andExpect(jsonPath("$.errors[?(@.field == 'statuses.99')].rule").value(Matchers.contains("status")));
        assertThat(connectors.mapping(DemoExchange.HEALTH).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aDryRunShowsWhatTheSystemWouldReceiveForASampleSubject() throws Exception {
        var driver = new ServiceFixtures(facts, licenses).driver(false, "周芳", "2");
        long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE actor_username = ? AND purpose = 'RIDE_HAILING_CHECK'")
                .param(ExchangeFailureTest.ADMIN.getUsername()).query(Long.class).single();
        mvc.perform(post("/api/v1/exchange/connectors/" + DemoExchange.TRANSPORT + "/preview")
                        .with(user(ExchangeFailureTest.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectType\":\"PERSON\",\"key\":\"" + driver.citizenId() + "\",\"use\":\"RIDE_HAILING\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.XB").value("F"))
                .andExpect(jsonPath("$.data.CSRQ").value("19880618"))
                .andExpect(jsonPath("$.data.ZJCX").value("C1"))
                .andExpect(jsonPath("$.problems").isEmpty());
        // nothing was sent, but the read is on the record like any other
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE actor_username = ? AND purpose = 'RIDE_HAILING_CHECK'")
                .param(ExchangeFailureTest.ADMIN.getUsername()).query(Long.class).single()).isEqualTo(audited + 1);
    }

    @Test
    void aDryRunMasksEachValueExactlyAsTheReceivingDepartmentsDemandEntrySays() throws Exception {
        var driver = new ServiceFixtures(facts, licenses).driver(false, "欧阳明", "1");
        String phone = "139" + driver.citizenId().substring(6, 14); // as ServiceFixtures.person writes it
        long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE actor_username = ? AND purpose = 'GRASSROOTS_GOVERNANCE'")
                .param(ExchangeFailureTest.ADMIN.getUsername()).query(Long.class).single();
        // the street receives its residents' names and phones masked (its demand entries are not in clear) …
        preview(DemoExchange.STREET, driver.citizenId(), "JD-XUJIAHUI-RESIDENTS")
                .andExpect(jsonPath("$.data.XM").value(expected("310104014-JD", "GRASSROOTS_GOVERNANCE", "person.name", "欧阳明")))
                .andExpect(jsonPath("$.data.XM").value(org.yiwang.kernel.Masking.name("欧阳明")))
                .andExpect(jsonPath("$.data.LXDH").value(expected("310104014-JD", "GRASSROOTS_GOVERNANCE", "person.phone", phone)))
                .andExpect(jsonPath("$.data.LXDH").value(org.yiwang.kernel.Masking.phone(phone)));
        // … the transport back office the citizen ID in clear, as its entry grants
        preview(DemoExchange.TRANSPORT, driver.citizenId(), "RIDE_HAILING")
                .andExpect(jsonPath("$.data.SFZH").value(expected("310104-JT", "RIDE_HAILING_CHECK", "person.citizen_id",
                        driver.citizenId())))
                .andExpect(jsonPath("$.data.SFZH").value(driver.citizenId()))
                .andExpect(jsonPath("$.data.XM").value(expected("310104-JT", "RIDE_HAILING_CHECK", "person.name", "欧阳明")));
        // the dry run is on the record under the administrator's name
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE actor_username = ? AND purpose = 'GRASSROOTS_GOVERNANCE'")
                .param(ExchangeFailureTest.ADMIN.getUsername()).query(Long.class).single()).isGreaterThan(audited);
    }

    private ResultActions preview(String connector, String citizenId, String use) throws Exception {
        return mvc.perform(post("/api/v1/exchange/connectors/" + connector + "/preview")
                        .with(user(ExchangeFailureTest.ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectType\":\"PERSON\",\"key\":\"" + citizenId + "\",\"use\":\"" + use + "\"}"))
                .andExpect(status().isOk());
    }

    /** What the demand list entry says the department sees: sensitive values masked unless granted in clear. */
    private String expected(String department, String purpose, String element, String plain) {
        boolean clear = jdbc.sql("""
                SELECT d.in_clear OR e.sensitivity < 3 FROM catalog_demand d JOIN catalog_element e ON e.code = d.element_code
                 WHERE d.department_code = ? AND d.purpose_code = ? AND d.element_code = ?""")
                .params(department, purpose, element).query(Boolean.class).single();
        if (clear) return plain;
        return switch (element) {
            case "person.phone" -> org.yiwang.kernel.Masking.phone(plain);
            case "person.citizen_id" -> org.yiwang.kernel.Masking.citizenId(plain);
            default -> org.yiwang.kernel.Masking.name(plain);
        };
    }

    @Test
    void subscriptionsAreCheckedAgainstTheDemandListAndAStreetStaysInItsArea() throws Exception {
        putSubscription("WJW-PHONES", """
                {"name": "x", "connector": "WJW-HEALTH", "subjectType": "PERSON", "elements": ["person.phone"],
                 "purpose": "HYGIENE_LICENSE", "enabled": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("elements.person.phone"))
                .andExpect(jsonPath("$.errors[0].rule").value("no-demand-entry"));
        putSubscription("JD-NEIGHBOURS", """
                {"name": "x", "connector": "JD-XUJIAHUI", "subjectType": "PERSON", "elements": ["person.name"],
                 "purpose": "GRASSROOTS_GOVERNANCE", "division": "310104011", "enabled": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("division"))
                .andExpect(jsonPath("$.errors[0].rule").value("out-of-scope"));
        putSubscription("WJW-BAD-CONDITION", """
                {"name": "x", "connector": "WJW-HEALTH", "subjectType": "LEGAL_ENTITY", "elements": ["entity.name"],
                 "purpose": "HYGIENE_LICENSE", "condition": {"element": "entity.business_scope", "op": "GAINS"},
                 "enabled": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("condition.element", "condition.value")));
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_subscription WHERE code IN ('WJW-PHONES', 'JD-NEIGHBOURS', 'WJW-BAD-CONDITION')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void connectorsAreRefusedWholeWhenAnythingIsWrongAndOnlyAdministratorsDefineThem() throws Exception {
        mvc.perform(put("/api/v1/exchange/connectors/SW-NEW").with(user(ExchangeFailureTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"department": "310104-SW", "name": "x", "kind": "REST", "endpoint": "ftp://x",
                                 "items": ["HOTEL_HYGIENE_CHANGE", "NO_SUCH_ITEM"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].rule").value(Matchers.hasItems("endpoint-rest", "other-department",
                        "unknown-item", "required")));
        mvc.perform(put("/api/v1/exchange/connectors/GA-NEW").with(user(ExchangeFailureTest.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"department": "310104-GA", "name": "x", "kind": "JDBC", "endpoint": "jdbc:h2:mem:x",
                                 "options": {"table": "T; DROP TABLE T", "keyColumn": "ID"},
                                 "items": ["HOTEL_SPECIAL_TRADE_CHANGE"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].rule").value(Matchers.hasItems("identifier", "item-routed")));
        mvc.perform(put("/api/v1/exchange/connectors/SW-NEW").with(user(ServiceFixtures.officer("310104-SW"))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_connector WHERE code IN ('SW-NEW', 'GA-NEW')")
                .query(Long.class).single()).isZero();
    }

    private ResultActions putMapping(String connector, String body) throws Exception {
        return mvc.perform(put("/api/v1/exchange/connectors/" + connector + "/mapping").with(user(ExchangeFailureTest.ADMIN))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions putSubscription(String code, String body) throws Exception {
        return mvc.perform(put("/api/v1/exchange/subscriptions/" + code).with(user(ExchangeFailureTest.ADMIN))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
