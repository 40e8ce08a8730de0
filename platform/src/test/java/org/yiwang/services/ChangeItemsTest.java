package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A change item asks what changes, states old and new on the part, and changes the base only when approved. */
@IntegrationTest
class ChangeItemsTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired PersonalData personalData;
    @Autowired Catalog catalog;
    @Autowired ServiceCatalog services;
    @Autowired JdbcClient jdbc;
    ServiceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ServiceFixtures(facts, licenses);
    }

    @Test
    void aChangeThatChangesNothingIsRefusedNamingTheElementAndNothingIsWritten() throws Exception {
        var hotel = fixtures.hotel();
        long before = applications(hotel.enterpriseUser().actor().username());
        // the same name again
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", hotel.creditCode(), Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国", "entity.name", "上海徐汇衡山宾馆有限公司"), List.of())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("entity.name")).andExpect(jsonPath("$.rule").value("unchanged"))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("名称")));
        // no new name at all
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", hotel.creditCode(), Map.of("entity.employees", "35",
                "entity.security_officer", "孙建国"), List.of())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("unchanged"));
        assertThat(applications(hotel.enterpriseUser().actor().username())).isEqualTo(before);
        // nothing reached the base either: not even the employees typed beside the refused change
        var view = personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(hotel.creditCode()),
                List.of("entity.employees"), "DATA_GOVERNANCE", true));
        assertThat(view.values()).doesNotContainKey("entity.employees");
    }

    @Test
    void aNewLegalRepresentativeIsStatedBeforeAndAfterAndIsAuthoritativeOnlyOnceMarketRegulationApproves()
            throws Exception {
        var hotel = fixtures.hotel();
        String newRep = TestSubjects.citizenId();
        JsonNode form = json.readTree(mvc.perform(post("/api/v1/forms").with(user(hotel.enterpriseUser())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ITEM\",\"code\":\"LEGAL_REP_CHANGE\",\"applicant\":\"" + hotel.creditCode() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<String, JsonNode> fields = HotelChangeTest.byKey(form.get("fields"), "element");
        assertThat(fields.get("entity.legal_rep_name").get("changes").asBoolean()).isTrue();
        assertThat(fields.get("entity.legal_rep_name").get("value").asString()).isEqualTo("王丽");

        String created = submit(hotel.enterpriseUser(), "ITEM", "LEGAL_REP_CHANGE", hotel.creditCode(),
                Map.of("entity.legal_rep_name", "周新", "entity.legal_rep_citizen_id", newRep),
                List.of(Map.of("material", "LEGAL_REP_CHANGE.APPOINTMENT", "fileName", "决议.pdf",
                        "contentType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(
                                "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();
        JsonNode application = json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(user(hotel.enterpriseUser())))
                .andReturn().getResponse().getContentAsString());
        String part = application.get("parts").get(0).get("id").asString();
        mvc.perform(get("/api/v1/parts/" + part).with(user(ServiceFixtures.officer("310104-SCJG"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values['entity.legal_rep_name']").value("周新"))
                .andExpect(jsonPath("$.values['entity.change_items']").value("法定代表人姓名、法定代表人身份号码"))
                // the statement is plain text: the ID numbers in it are masked
                .andExpect(jsonPath("$.values['entity.change_before']").value(allOf(containsString("法定代表人姓名：王丽"),
                        containsString("法定代表人身份号码：" + hotel.legalRep().substring(0, 4)),
                        not(containsString(hotel.legalRep())))))
                .andExpect(jsonPath("$.values['entity.change_after']").value(allOf(containsString("法定代表人姓名：周新"),
                        not(containsString(newRep)))))
                .andExpect(jsonPath("$.values['entity.legal_rep_citizen_id']").value(newRep));
        assertThat(value(hotel.creditCode(), "entity.legal_rep_name")).isEqualTo("王丽");

        for (String action : List.of("ACCEPT", "APPROVE")) {
            mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer("310104-SCJG")))
                            .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"" + action + "\"}"))
                    .andExpect(status().isOk());
        }
        assertThat(value(hotel.creditCode(), "entity.legal_rep_name")).isEqualTo("周新");
        License licence = licenses.heldBy(SubjectType.LEGAL_ENTITY, hotel.creditCode()).stream()
                .filter(l -> l.typeCode().equals("BUSINESS_LICENSE") && l.status() == License.Status.VALID)
                .findFirst().orElseThrow();
        assertThat(licence.fields()).containsEntry("legal_rep", "周新");
    }

    @Test
    void theElementsOfTheDepartmentsRealFormsAreInTheResponsibilityList() throws Exception {
        assertThat(catalog.responsibleDepartment("entity.business_premises")).contains("310104-SCJG");
        assertThat(catalog.responsibleDepartment("entity.health_certified_staff")).contains("310104-WJW");
        assertThat(catalog.responsibleDepartment("entity.security_officer_citizen_id")).contains("310104-GA");
        assertThat(catalog.responsibleDepartment("entity.food_business_format")).contains("310104-SCJG");
        assertThat(catalog.responsibleDepartment("person.ride_hailing_platform")).contains("310104-JT");
        assertThat(catalog.require("entity.food_business_format").codeTable()).isEqualTo("food_business_format");
        mvc.perform(get("/catalog/lists/responsibility").with(user(ServiceCatalogValidationTest.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("entity.business_premises"),
                        containsString("entity.security_officer_citizen_id"), containsString("person.ride_hailing_platform"))));
        // each paper-form line that asks a fact is bound to an element of the catalog
        for (String item : List.of("HOTEL_LIQUOR_CHANGE", "HOTEL_HYGIENE_CHANGE", "HOTEL_SPECIAL_TRADE_CHANGE",
                "HOTEL_FOOD_CHANGE", "RIDE_HAILING", "LEGAL_REP_CHANGE")) {
            services.requireItem(item).paperForm().stream().filter(p -> p.element() != null)
                    .forEach(p -> assertThat(catalog.element(p.element())).as(item + " " + p.labelZh()).isPresent());
        }
    }

    @Test
    void theOnceOnlyFigureCountsTheDepartmentsRealForms() throws Exception {
        JsonNode figures = json.readTree(mvc.perform(get("/api/v1/services/once-only/bundles/HOTEL_CHANGE")
                        .with(user(ServiceCatalogValidationTest.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(figures.get("paperForms").asInt()).isEqualTo(4);
        // four forms of 12 to 15 facts each, asking much the same
        assertThat(figures.get("paperFacts").asInt()).isGreaterThanOrEqualTo(50);
        Map<String, JsonNode> facts = HotelChangeTest.byKey(figures.get("facts"), "element");
        assertThat(facts.get("entity.business_premises").get("paperForms").asInt()).isEqualTo(4);
        assertThat(facts.get("entity.address").get("paperForms").asInt()).isEqualTo(4);
        assertThat(facts.get("entity.change_items").get("paperForms").asInt()).isEqualTo(4);
        assertThat(facts.get("entity.health_certified_staff").get("paperForms").asInt()).isEqualTo(1);
        assertThat(facts.get("entity.security_officer_citizen_id").get("paperForms").asInt()).isEqualTo(1);
        // the change statement is never typed: yiwang writes it from the current and the new value
        assertThat(facts.get("entity.change_items").get("typedIn").asLong()).isZero();
        mvc.perform(get("/services/once-only").with(user(ServiceCatalogValidationTest.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("申请表份数")));
    }

    @Test
    void aDataAdminAddsAnElementAndBindsAPaperFormLineToItFromThePages() throws Exception {
        String element = "entity.test_h5_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        long elements = jdbc.sql("SELECT count(*) FROM catalog_element").query(Long.class).single();
        // a CODE element without its code table, no name: refused beside the fields, nothing written
        mvc.perform(post("/catalog/elements").with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                        .param("code", element).param("nameZh", "").param("subjectType", "LEGAL_ENTITY")
                        .param("type", "CODE").param("codeTable", "").param("sensitivity", "1")
                        .param("responsible", "310104-WJW"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("data-field=\"nameZh\">请填写中文名称"),
                        containsString("data-field=\"codeTable\">代码型数据元须选择代码表"))));
        mvc.perform(post("/catalog/elements").with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                        .param("code", "Bad Code").param("nameZh", "坏编码").param("subjectType", "LEGAL_ENTITY")
                        .param("type", "STRING").param("sensitivity", "1").param("responsible", "310104-XX"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("data-field=\"code\">编码形如"), containsString("data-field=\"responsible\">部门不存在"))));
        assertThat(jdbc.sql("SELECT count(*) FROM catalog_element").query(Long.class).single()).isEqualTo(elements);

        mvc.perform(post("/catalog/elements").with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                        .param("code", element).param("nameZh", "消毒间面积").param("subjectType", "LEGAL_ENTITY")
                        .param("type", "DECIMAL").param("maxLength", "10").param("sensitivity", "1")
                        .param("responsible", "310104-WJW").param("legalBasis", "《公共场所卫生管理条例》"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/elements"));
        assertThat(catalog.element(element)).hasValueSatisfying(e -> assertThat(e.nameZh()).isEqualTo("消毒间面积"));
        assertThat(catalog.responsibleDepartment(element)).contains("310104-WJW");

        // the item's admin page binds a line of the department's form to it
        String code = ServiceCatalogValidationTest.code();
        mvc.perform(put("/api/v1/services/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(ServiceCatalogValidationTest.validItem(code).toString())).andExpect(status().isOk());
        mvc.perform(post("/services/admin/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                        .param("nameZh", "测试事项").param("department", "310104-WJW").param("itemType", "01")
                        .param("level", "DISTRICT").param("legalDays", "20").param("promisedDays", "5")
                        .param("conditions", "测试条件").param("fees", "不收费").param("modes", "ONLINE")
                        .param("applicantType", "LEGAL_ENTITY").param("purpose", "HYGIENE_LICENSE")
                        .param("elements[0].element", "entity.name").param("elements[0].required", "true")
                        .param("_elements[0].required", "on")
                        .param("paperTitle", "测试申请表")
                        .param("paperFields[0].label", "单位名称").param("paperFields[0].element", "entity.name")
                        .param("paperFields[1].label", "消毒间面积（平方米）").param("paperFields[1].element", element)
                        .param("paperFields[2].label", "不存在的栏目").param("paperFields[2].element", "entity.nope"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(
                        "class=\"field-error\" data-field=\"paperForm.fields[2].element\" data-rule=\"unknown-element\">"
                                + "数据元不在目录中:entity.nope")));
        assertThat(services.requireItem(code).paperForm()).hasSize(1);
        mvc.perform(post("/services/admin/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                        .param("nameZh", "测试事项").param("department", "310104-WJW").param("itemType", "01")
                        .param("level", "DISTRICT").param("legalDays", "20").param("promisedDays", "5")
                        .param("conditions", "测试条件").param("fees", "不收费").param("modes", "ONLINE")
                        .param("applicantType", "LEGAL_ENTITY").param("purpose", "HYGIENE_LICENSE")
                        .param("elements[0].element", "entity.name").param("elements[0].required", "true")
                        .param("_elements[0].required", "on")
                        .param("paperTitle", "测试申请表")
                        .param("paperFields[0].label", "单位名称").param("paperFields[0].element", "entity.name")
                        .param("paperFields[1].label", "消毒间面积（平方米）").param("paperFields[1].element", element))
                .andExpect(status().is3xxRedirection());
        assertThat(services.requireItem(code).paperForm()).extracting(ServiceItem.PaperField::element)
                .containsExactly("entity.name", element);
        mvc.perform(get("/services/admin/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("消毒间面积")));
        mvc.perform(get("/api/v1/services/once-only/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.paperFacts").value(2));
    }

    private org.springframework.test.web.servlet.ResultActions submit(org.yiwang.directory.ActorPrincipal who,
            String kind, String code, String applicant, Map<String, String> values, List<Map<String, String>> uploads)
            throws Exception {
        String body = json.writeValueAsString(Map.of("kind", kind, "code", code, "applicant", applicant,
                "values", values, "uploads", uploads, "idempotencyKey", UUID.randomUUID().toString()));
        return mvc.perform(post("/api/v1/applications").with(user(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String value(String creditCode, String element) {
        return personalData.read(Actor.system("310000-DSJ"), new ReadRequest(SubjectRef.legalEntity(creditCode),
                List.of(element), "DATA_GOVERNANCE", true)).values().get(element).value();
    }

    private long applications(String username) {
        return jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?").param(username)
                .query(Long.class).single();
    }
}
