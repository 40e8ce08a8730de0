package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input to 一网通办: every refusal names its reason, and nothing is written. */
@IntegrationTest
class ApplicationRulesTest {

    static final Map<String, String> PLATE = Map.of("person.vehicle_plate", "沪B54321", "person.ride_hailing_platform", "01");

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    ServiceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ServiceFixtures(facts, licenses);
    }

    @Test
    void unknownItemsAndBundlesAreNotFound() throws Exception {
        var driver = fixtures.driver(false);
        submit(driver.user(), "ITEM", "NO_SUCH_ITEM", Map.of(), Map.of()).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("item"));
        submit(driver.user(), "BUNDLE", "NO_SUCH_BUNDLE", Map.of(), Map.of()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("bundle"));
    }

    @Test
    void aMissingMandatoryElementAndAValueBreakingItsRuleAreNamedAndNothingIsWritten() throws Exception {
        var hotel = fixtures.hotel();
        long before = applications();
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", Map.of("entity.employees", "三十五"), Map.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'entity.employees')].rule").value("type"))
                .andExpect(jsonPath("$.errors[?(@.field == 'entity.security_officer')].rule").value("required"));
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void anAuthoritativeValueIsNotTypedOver() throws Exception {
        var hotel = fixtures.hotel();
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国", "entity.name", ServiceFixtures.NEW_HOTEL_NAME,
                "entity.address", "别的地址"), Map.of())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("entity.address"))
                .andExpect(jsonPath("$.rule").value("locked"));
    }

    @Test
    void aRevokedOrForgedLicenseIsRefusedAsAMaterial() throws Exception {
        var driver = fixtures.driver(false);
        License card = licenses.heldBy(SubjectType.PERSON, driver.citizenId()).stream()
                .filter(l -> l.typeCode().equals("ID_CARD")).findFirst().orElseThrow();
        String forged = card.id().substring(0, card.id().length() - 1)
                + (card.id().endsWith("0") ? "1" : "0");
        submit(driver.user(), "ITEM", "RIDE_HAILING", PLATE, Map.of("RIDE_HAILING.ID_CARD", forged))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("materials.RIDE_HAILING.ID_CARD"))
                .andExpect(jsonPath("$.rule").value("license-forged"));
        licenses.revoke(Actor.system("310104-GA"), card.id(), "证件挂失");
        submit(driver.user(), "ITEM", "RIDE_HAILING", PLATE, Map.of("RIDE_HAILING.ID_CARD", card.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("license-revoked"));
        var other = fixtures.person("他人", "1", "1985-05-05", true);
        String othersCard = licenses.heldBy(SubjectType.PERSON, other.citizenId()).get(0).id();
        submit(driver.user(), "ITEM", "RIDE_HAILING", PLATE, Map.of("RIDE_HAILING.ID_CARD", othersCard))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("license-holder"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?")
                .param(driver.user().actor().username()).query(Long.class).single()).isZero();
    }

    @Test
    void anOfficerOfAnotherDepartmentCannotActAndAWrongTransitionIsAConflict() throws Exception {
        var hotel = fixtures.hotel();
        JsonNode created = json.readTree(submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE",
                Map.of("entity.employees", "35", "entity.security_officer", "孙建国",
                        "entity.name", ServiceFixtures.NEW_HOTEL_NAME), Map.of())
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String part = partOf(created.get("id").asString(), "310104-WJW");
        decide("310104-SCJG", part, "{\"action\":\"APPROVE\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("OTHER_DEPARTMENT"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/parts/" + part)
                .with(user(ServiceFixtures.officer("310104-SCJG")))).andExpect(status().isForbidden());
        decide("310104-WJW", part, "{\"action\":\"REJECT\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        decide("310104-WJW", part, "{\"action\":\"REJECT\",\"reason\":\"场所不符合卫生规范\"}").andExpect(status().isOk());
        decide("310104-WJW", part, "{\"action\":\"APPROVE\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("state"));
        assertThat(jdbc.sql("SELECT status FROM services_part WHERE id = ?::uuid").param(part).query(String.class).single())
                .isEqualTo("REJECTED");
    }

    @Test
    void aReturnedPartIsCorrectedOnlyWhereTheDepartmentAsked() throws Exception {
        var hotel = fixtures.hotel();
        JsonNode created = json.readTree(submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE",
                Map.of("entity.employees", "35", "entity.security_officer", "孙建国",
                        "entity.name", ServiceFixtures.NEW_HOTEL_NAME), Map.of())
                .andReturn().getResponse().getContentAsString());
        String id = created.get("id").asString();
        String part = partOf(id, "310104-GA");
        decide("310104-GA", part, "{\"action\":\"RETURN\",\"reason\":\"治安负责人须为专职人员\",\"questioned\":[\"entity.security_officer\"]}")
                .andExpect(jsonPath("$.status").value("RETURNED"));
        correct(hotel.enterpriseUser(), id, part, "{\"values\":{\"entity.hotel_rooms\":\"50\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'entity.hotel_rooms')].rule").value("not-questioned"));
        correct(hotel.enterpriseUser(), id, part, "{\"values\":{\"entity.security_officer\":\"周卫\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts[?(@.department == '310104-GA')].status").value("SUBMITTED"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/parts/" + part)
                        .with(user(ServiceFixtures.officer("310104-GA"))))
                .andExpect(jsonPath("$.values['entity.security_officer']").value("周卫"));
    }

    @Test
    void theSameKeyWithOtherContentIsRefused() throws Exception {
        var hotel = fixtures.hotel();
        String key = UUID.randomUUID().toString();
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国", "entity.name", ServiceFixtures.NEW_HOTEL_NAME), Map.of(), key)
                .andExpect(status().isCreated());
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", Map.of("entity.employees", "36",
                "entity.security_officer", "孙建国", "entity.name", ServiceFixtures.NEW_HOTEL_NAME), Map.of(), key).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("idempotency-key-reused"))
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.startsWith("idempotencyKey: 该提交凭证已用于办件 ")));
    }

    private String partOf(String application, String department) {
        return jdbc.sql("SELECT id::text FROM services_part WHERE application_id = ?::uuid AND department = ?")
                .params(application, department).query(String.class).single();
    }

    private long applications() {
        return jdbc.sql("SELECT count(*) FROM services_application").query(Long.class).single();
    }

    private ResultActions decide(String department, String part, String body) throws Exception {
        return mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer(department)))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions correct(ActorPrincipal who, String id, String part, String body) throws Exception {
        return mvc.perform(post("/api/v1/applications/" + id + "/parts/" + part + "/correction").with(user(who))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions submit(ActorPrincipal who, String kind, String code, Map<String, String> values,
                                 Map<String, String> licenseOffers) throws Exception {
        return submit(who, kind, code, values, licenseOffers, UUID.randomUUID().toString());
    }

    private ResultActions submit(ActorPrincipal who, String kind, String code, Map<String, String> values,
                                 Map<String, String> licenseOffers, String key) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "code", code, "values", values,
                "licenses", licenseOffers, "idempotencyKey", key));
        return mvc.perform(post("/api/v1/applications").with(user(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }
}
