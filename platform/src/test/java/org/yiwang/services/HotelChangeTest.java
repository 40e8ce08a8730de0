package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hotel change (一件事) over the API: one form, four departments, four licenses, each fact typed once. */
@IntegrationTest
class HotelChangeTest {

    static final String HOTEL_ITEMS = "HOTEL_LIQUOR_CHANGE,HOTEL_HYGIENE_CHANGE,HOTEL_SPECIAL_TRADE_CHANGE,HOTEL_FOOD_CHANGE";

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired PersonalData personalData;
    @Autowired JdbcClient jdbc;
    ServiceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ServiceFixtures(facts, licenses);
    }

    @Test
    void oneFormForFourDepartmentsPrefilledFromTheBaseAndTheLicenses() throws Exception {
        var hotel = fixtures.hotel();
        JsonNode form = form(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE");
        Map<String, JsonNode> fields = byKey(form.get("fields"), "element");
        // the name is what a hotel change changes: its current value, open for the new one
        assertThat(fields.get("entity.name").get("value").asString()).isEqualTo("上海徐汇衡山宾馆有限公司");
        assertThat(fields.get("entity.name").get("changes").asBoolean()).isTrue();
        assertThat(fields.get("entity.name").get("locked").asBoolean()).isFalse();
        assertThat(fields.get("entity.address").get("locked").asBoolean()).isTrue();
        assertThat(fields.get("entity.name").get("source").get("sourceDepartment").asString()).isEqualTo("310104-SCJG");
        assertThat(fields.get("entity.name").get("departments")).hasSize(4);
        assertThat(fields.get("entity.hotel_rooms").get("value").asString()).isEqualTo("48");
        assertThat(missing(form)).containsExactlyInAnyOrder("entity.employees", "entity.security_officer",
                "entity.health_certified_staff", "entity.security_officer_citizen_id");
        // business premises and the registered address are different facts
        assertThat(fields.get("entity.business_premises").get("value").asString()).isEqualTo("上海市徐汇区衡山路8号1-3层");
        // every license material is on file; the only upload is the optional floor plan
        for (JsonNode m : form.get("materials")) {
            if (m.get("licenseType").isNull()) assertThat(m.get("required").asBoolean()).isFalse();
            else assertThat(m.get("license").asString()).startsWith("1.2.156.3005.2.");
        }
        assertThat(form.get("paperFacts").asInt()).isGreaterThan(25);
    }

    @Test
    void aSubmissionMakesOnePartPerDepartmentEachWithOnlyItsElementsAndApprovalsIssueFourLicenses() throws Exception {
        var hotel = fixtures.hotel();
        List<License> before = licenses.heldBy(SubjectType.LEGAL_ENTITY, hotel.creditCode());
        String key = UUID.randomUUID().toString();
        String body = submission("HOTEL_CHANGE", hotel.creditCode(), Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国", "entity.name", ServiceFixtures.NEW_HOTEL_NAME), key);
        String id = json.readTree(mvc.perform(post("/api/v1/applications").with(user(hotel.enterpriseUser())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.reference").isString())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        // a double click: nothing new
        mvc.perform(post("/api/v1/applications").with(user(hotel.enterpriseUser())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("replayed"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?")
                .param("hotel-" + hotel.creditCode()).query(Long.class).single()).isEqualTo(1);

        JsonNode application = application(hotel.enterpriseUser(), id);
        assertThat(application.get("typed")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("entity.employees", "entity.security_officer", "entity.name");
        Map<String, JsonNode> parts = byKey(application.get("parts"), "department");
        assertThat(parts.keySet()).containsExactlyInAnyOrder("310104-SW", "310104-WJW", "310104-GA", "310104-SCJG");
        assertThat(parts.get("310104-SW").get("elements")).extracting(JsonNode::asString)
                .contains("entity.liquor_categories").doesNotContain("entity.hotel_rooms", "entity.employees");

        // each department sees its part with only its elements, typed values included
        String hygienePart = parts.get("310104-WJW").get("id").asString();
        mvc.perform(get("/api/v1/parts/" + hygienePart).with(user(ServiceFixtures.officer("310104-WJW"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.values['entity.employees']").value("35"))
                .andExpect(jsonPath("$.values['entity.premises_area']").value("1200.5"))
                .andExpect(jsonPath("$.values", not(hasKey("entity.security_officer"))))
                .andExpect(jsonPath("$.values['entity.name']").value(ServiceFixtures.NEW_HOTEL_NAME))
                .andExpect(jsonPath("$.values['entity.change_items']").value("名称"))
                .andExpect(jsonPath("$.values['entity.change_before']").value("名称：上海徐汇衡山宾馆有限公司"))
                .andExpect(jsonPath("$.values['entity.change_after']").value("名称：" + ServiceFixtures.NEW_HOTEL_NAME));
        // the new name is not the base's until market regulation approves
        assertThat(name(hotel.creditCode())).isEqualTo("上海徐汇衡山宾馆有限公司");
        // the typed fact reached the base, declared by the applicant
        var view = personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(hotel.creditCode()),
                List.of("entity.security_officer"), "DATA_GOVERNANCE", true));
        assertThat(view.values().get("entity.security_officer").provenance().method().name()).isEqualTo("SELF_DECLARED");

        for (var department : parts.keySet()) {
            String part = parts.get(department).get("id").asString();
            decide(department, part, "ACCEPT");
            decide(department, part, "APPROVE").andExpect(jsonPath("$.status").value("APPROVED"))
                    .andExpect(jsonPath("$.licenseId").isString());
        }
        JsonNode done = application(hotel.enterpriseUser(), id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        List<License> after = licenses.heldBy(SubjectType.LEGAL_ENTITY, hotel.creditCode());
        for (String type : List.of("LIQUOR_RETAIL", "PUBLIC_HYGIENE", "SPECIAL_TRADE", "FOOD_BUSINESS")) {
            License old = before.stream().filter(l -> l.typeCode().equals(type)).findFirst().orElseThrow();
            License now = after.stream().filter(l -> l.typeCode().equals(type)).findFirst().orElseThrow();
            assertThat(now.id()).isNotEqualTo(old.id());
            assertThat(licenses.require(old.id()).status()).isEqualTo(License.Status.SUPERSEDED);
        }
        assertThat(name(hotel.creditCode())).isEqualTo(ServiceFixtures.NEW_HOTEL_NAME);
        // the health commission confirmed the number of employees: now its authoritative value
        var confirmed = personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(hotel.creditCode()),
                List.of("entity.employees"), "DATA_GOVERNANCE", true));
        assertThat(confirmed.values().get("entity.employees").provenance().sourceDepartment()).isEqualTo("310104-WJW");

        // once-only: each fact typed at most once, no license copy uploaded
        mvc.perform(get("/api/v1/services/once-only/bundles/HOTEL_CHANGE").with(user(hotel.enterpriseUser())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.typedMaxPerFact").value(1))
                .andExpect(jsonPath("$.licenseCopiesUploaded").value(0))
                .andExpect(jsonPath("$.paperLicenseCopies").value(org.hamcrest.Matchers.greaterThanOrEqualTo(8)));
    }

    @Test
    void theLegalRepresentativeMayApplyForTheCompanyButNobodyElse() throws Exception {
        var hotel = fixtures.hotel();
        JsonNode form = json.readTree(mvc.perform(post("/api/v1/forms").with(user(hotel.legalRepUser())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"BUNDLE\",\"code\":\"HOTEL_CHANGE\",\"applicant\":\"" + hotel.creditCode() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.get("applicant").asString()).isEqualTo("上海徐汇衡山宾馆有限公司");
        var stranger = fixtures.person("路人甲", "1", "1990-01-01", false);
        String body = submission("HOTEL_CHANGE", hotel.creditCode(), Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国", "entity.name", ServiceFixtures.NEW_HOTEL_NAME),
                UUID.randomUUID().toString());
        mvc.perform(post("/api/v1/applications").with(user(stranger.user())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NOT_REPRESENTATIVE"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?")
                .param(stranger.user().actor().username()).query(Long.class).single()).isZero();
    }

    private org.springframework.test.web.servlet.ResultActions decide(String department, String part, String action)
            throws Exception {
        return mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer(department)))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"" + action + "\"}"))
                .andExpect(status().isOk());
    }

    String name(String creditCode) {
        var view = personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(creditCode),
                List.of("entity.name"), "DATA_GOVERNANCE", true));
        return view.values().get("entity.name").value();
    }

    JsonNode form(ActorPrincipal who, String kind, String code) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/forms").with(user(who)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"" + kind + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    JsonNode application(ActorPrincipal who, String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    String submission(String bundle, String applicant, Map<String, String> values, String key) {
        return json.writeValueAsString(Map.of("kind", "BUNDLE", "code", bundle, "applicant", applicant,
                "values", values, "idempotencyKey", key));
    }

    static List<String> missing(JsonNode form) {
        return java.util.stream.StreamSupport.stream(form.get("fields").spliterator(), false)
                .filter(f -> f.get("value").isNull()).map(f -> f.get("element").asString()).toList();
    }

    static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        array.forEach(n -> map.put(n.get(key).asString(), n));
        return map;
    }

    private static org.hamcrest.Matcher<Map<? extends String, ?>> hasKey(String key) {
        return org.hamcrest.Matchers.hasKey(key);
    }
}
