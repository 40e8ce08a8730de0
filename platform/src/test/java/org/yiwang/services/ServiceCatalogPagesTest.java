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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/** The public guide without signing in, and the data administrator's pages. */
@IntegrationTest
class ServiceCatalogPagesTest {

    static final org.yiwang.directory.ActorPrincipal ADMIN = ServiceCatalogValidationTest.ADMIN;

    @Autowired MockMvc mvc;
    @Autowired ServiceCatalog catalog;

    @Test
    void anyoneReadsTheGuideWithoutSigningIn() throws Exception {
        mvc.perform(get("/services").param("q", "旅馆"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("旅馆变更"), containsString("/services/bundles/HOTEL_CHANGE"),
                        not(containsString("二手房买卖")))));
        mvc.perform(get("/services").param("q", "网约车"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网络预约出租汽车驾驶员证核发")));
        mvc.perform(get("/services/items/RIDE_HAILING"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("徐汇区建设和管理委员会"), containsString("免提交(电子证照)"),
                        containsString("居民户口簿"), containsString("href=\"/apply/items/RIDE_HAILING\""),
                        containsString("网络预约出租汽车驾驶员证申请表"), containsString("1个工作日"))));
        mvc.perform(get("/services/bundles/HOTEL_CHANGE"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("徐汇区商务委员会"), containsString("徐汇区卫生健康委员会"),
                        containsString("上海市公安局徐汇分局"), containsString("徐汇区市场监督管理局"),
                        containsString("经营场所平面布局图"), containsString("href=\"/apply/bundles/HOTEL_CHANGE\""))));
        mvc.perform(get("/services/items/NO_SUCH_ITEM")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("NO_SUCH_ITEM")));
    }

    @Test
    void theGuideSpeaksEnglishOnRequest() throws Exception {
        mvc.perform(get("/services/items/BARBER_HYGIENE").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Public place hygiene licence for a barber or beauty shop"),
                        containsString("Apply online"), containsString("Xuhui Health Commission"))));
    }

    @Test
    void theAdministrationStaysClosedToOthers() throws Exception {
        mvc.perform(get("/services/admin")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/services/admin").with(user(ServiceCatalogTest.RESIDENT))).andExpect(status().isForbidden());
    }

    @Test
    void theAdministratorEditsAnItemInTheFormAndTheApiShowsIt() throws Exception {
        String code = ServiceCatalogValidationTest.code();
        mvc.perform(put("/api/v1/services/items/" + code).with(user(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(ServiceCatalogValidationTest.validItem(code).toString())).andExpect(status().isOk());
        mvc.perform(get("/services/admin").with(user(ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(code),
                        containsString("hotel-change.yaml"))));
        mvc.perform(get("/services/admin/items/" + code).with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"测试事项\""), containsString("code: " + code))));

        mvc.perform(post("/services/admin/items/" + code).with(user(ADMIN)).with(csrf())
                        .param("nameZh", "改过的测试事项").param("department", "310104-WJW").param("itemType", "01")
                        .param("level", "DISTRICT").param("legalDays", "20").param("promisedDays", "3")
                        .param("conditions", "条件").param("fees", "不收费").param("modes", "ONLINE", "COMMITMENT")
                        .param("applicantType", "LEGAL_ENTITY").param("purpose", "HYGIENE_LICENSE")
                        .param("elements[0].element", "entity.name").param("elements[0].required", "true")
                        .param("_elements[0].required", "on")
                        .param("elements[1].element", "entity.employees").param("_elements[1].required", "on")
                        .param("elements[2].element", "")
                        .param("materials[0].code", "FLOOR_PLAN").param("materials[0].nameZh", "平面图")
                        .param("_materials[0].required", "on"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/services/admin/items/" + code));

        ServiceItem edited = catalog.requireItem(code);
        assertThat(edited.nameZh()).isEqualTo("改过的测试事项");
        assertThat(edited.promisedDays()).isEqualTo(3);
        assertThat(edited.modes()).containsExactlyInAnyOrder(ServiceItem.HandlingMode.ONLINE, ServiceItem.HandlingMode.COMMITMENT);
        assertThat(edited.elements()).containsExactly(new ServiceItem.ItemElement("entity.name", true),
                new ServiceItem.ItemElement("entity.employees", false));
        assertThat(edited.materials()).containsExactly(new ServiceItem.Material("FLOOR_PLAN", "平面图", "平面图", false, null));
        mvc.perform(get("/api/v1/services/items/" + code).with(user(ServiceCatalogTest.RESIDENT)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.nameZh").value("改过的测试事项"))
                .andExpect(jsonPath("$.promisedDays").value(3));
    }

    @Test
    void aRefusedFormShowsEachErrorAtItsInputAndSavesNothing() throws Exception {
        String code = ServiceCatalogValidationTest.code();
        mvc.perform(post("/services/admin/items").with(user(ADMIN)).with(csrf())
                        .param("code", code).param("nameZh", "坏事项").param("department", "310104-WJW")
                        .param("itemType", "01").param("level", "DISTRICT").param("legalDays", "5")
                        .param("promisedDays", "9").param("conditions", "条件").param("fees", "不收费")
                        .param("modes", "ONLINE").param("applicantType", "LEGAL_ENTITY").param("purpose", "HYGIENE_LICENSE")
                        .param("elements[0].element", "").param("elements[1].element", "entity.liquor_categories"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-field=\"promisedDays\" data-rule=\"promised-exceeds-legal\""),
                        // the blank first row is dropped: the error names the row as shown again
                        containsString("data-field=\"elements[0].element\" data-rule=\"not-granted\""),
                        containsString("value=\"entity.liquor_categories\""))));
        assertThat(catalog.item(code)).isEmpty();

        // a form for an existing code is a conflict, not an overwrite
        mvc.perform(post("/services/admin/items").with(user(ADMIN)).with(csrf())
                        .param("code", "RIDE_HAILING").param("nameZh", "冒名").param("department", "310104-WJW")
                        .param("itemType", "01").param("level", "DISTRICT").param("legalDays", "5")
                        .param("promisedDays", "1").param("conditions", "条件").param("fees", "不收费")
                        .param("modes", "ONLINE").param("applicantType", "LEGAL_ENTITY").param("purpose", "HYGIENE_LICENSE")
                        .param("elements[0].element", "entity.name"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"code\" data-rule=\"duplicate\"")));
        assertThat(catalog.requireItem("RIDE_HAILING").nameZh()).startsWith("网络预约出租汽车");
    }

    @Test
    void theAdministratorImportsOneDefinitionAsYaml() throws Exception {
        String code = ServiceCatalogValidationTest.code();
        ObjectNode d = ServiceCatalogValidationTest.validItem(code);
        String yaml = """
                code: %s
                nameZh: 从YAML导入的事项
                department: 310104-WJW
                itemType: "01"
                level: DISTRICT
                legalDays: 20
                promisedDays: 2
                conditions: 条件
                modes: [ONLINE]
                fees: 不收费
                applicantType: LEGAL_ENTITY
                purpose: HYGIENE_LICENSE
                elements:
                  - element: entity.name
                """.formatted(code);
        assertThat(d.get("code").asString()).isEqualTo(code);
        mvc.perform(post("/services/admin/items/import").with(user(ADMIN)).with(csrf()).param("yaml", yaml).param("page", ""))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/services/admin/items/" + code));
        assertThat(catalog.requireItem(code).nameZh()).isEqualTo("从YAML导入的事项");

        mvc.perform(post("/services/admin/items/import").with(user(ADMIN)).with(csrf()).param("page", code)
                        .param("yaml", yaml.replace("promisedDays: 2", "promisedDays: 2\nautoDecision: COIN_TOSS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"autoDecision\" data-rule=\"unknown-auto-decision\"")));
        assertThat(catalog.requireItem(code).autoDecision()).isNull();
    }

    @Test
    void theAdministratorComposesABundle() throws Exception {
        String bundle = ServiceCatalogValidationTest.code();
        mvc.perform(post("/services/admin/bundles").with(user(ADMIN)).with(csrf())
                        .param("code", bundle).param("nameZh", "开理发店一件事").param("description", "营业执照变更与卫生许可")
                        .param("items[0]", "BUSINESS_SCOPE_CHANGE").param("items[1]", "").param("items[2]", "BARBER_HYGIENE"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/services/admin/bundles/" + bundle));
        assertThat(catalog.requireBundle(bundle).items()).containsExactly("BUSINESS_SCOPE_CHANGE", "BARBER_HYGIENE");
        mvc.perform(get("/services/bundles/" + bundle)).andExpect(status().isOk())
                .andExpect(content().string(containsString("开理发店一件事")));
    }
}
