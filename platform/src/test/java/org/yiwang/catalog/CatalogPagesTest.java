package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;

@IntegrationTest
class CatalogPagesTest {

    @Autowired MockMvc mvc;
    @Autowired SharingPolicy policy;

    @Test
    void theDataAdministratorSeesElementsCodeTablesAndLists() throws Exception {
        mvc.perform(get("/catalog/elements").param("subjectType", "PERSON").with(user(SharingPolicyTest.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公民身份号码")))
                .andExpect(content().string(containsString("数据元")));
        mvc.perform(get("/catalog/code-tables").param("table", "ethnicity").with(user(SharingPolicyTest.ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("基诺族")));
        mvc.perform(get("/catalog/lists/demand").with(user(SharingPolicyTest.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网络预约出租汽车经营服务管理暂行办法")))
                .andExpect(content().string(containsString("导入 Excel")));
    }

    @Test
    void otherRolesDoNotGetTheCatalogPages() throws Exception {
        mvc.perform(get("/catalog/lists/negative").with(user(CatalogApiTest.CLERK))).andExpect(status().isForbidden());
    }

    @Test
    void theExplainPageShowsTheDecisionAndTheTrace() throws Exception {
        mvc.perform(get("/catalog/explain").param("consumer", "310000-DSJ").param("element", "person.health_condition")
                        .param("purpose", "DATA_GOVERNANCE").with(user(SharingPolicyTest.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("拒绝")))
                .andExpect(content().string(containsString("个人健康信息属敏感个人信息")))
                .andExpect(content().string(containsString("未评估")));
    }

    @Test
    void theNegativeListFormAddsAndRemovesAnEntry() throws Exception {
        Consumer wjw = Consumer.department("310104-WJW");
        assertThat(policy.decide(wjw, "entity.phone", "HYGIENE_LICENSE").allowed()).isTrue();
        mvc.perform(post("/catalog/lists/negative").param("element", "entity.phone").param("reason", "页面测试")
                        .param("confirm", "yes").with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/lists/negative"))
                .andExpect(flash().attribute("notice", "catalog.list.added"));
        try {
            assertThat(policy.decide(wjw, "entity.phone", "HYGIENE_LICENSE").reason()).isEqualTo("NEGATIVE_LIST");
        } finally {
            mvc.perform(post("/catalog/lists/negative/delete").param("key", "entity.phone").param("confirm", "yes")
                            .with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                    .andExpect(flash().attribute("notice", "catalog.list.removed"));
        }
        assertThat(policy.decide(wjw, "entity.phone", "HYGIENE_LICENSE").allowed()).isTrue();
    }

    @Test
    void changingTheNegativeListAsksForConfirmationFirst() throws Exception {
        Consumer wjw = Consumer.department("310104-WJW");
        mvc.perform(post("/catalog/lists/negative").param("element", "entity.address").param("reason", "未确认")
                        .with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("violations"));
        assertThat(policy.decide(wjw, "entity.address", "HYGIENE_LICENSE").reason()).isNotEqualTo("NEGATIVE_LIST");

        // removing an entry shows what goes and asks again; the entry stays until confirmed
        mvc.perform(post("/catalog/lists/negative/delete").param("key", "person.health_condition")
                        .with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认移除")))
                .andExpect(content().string(containsString("name=\"confirm\" value=\"yes\"")));
        assertThat(policy.decide(wjw, "person.health_condition", "DATA_GOVERNANCE").reason()).isEqualTo("NEGATIVE_LIST");

        var unconfirmedImport = mvc.perform(multipart("/catalog/lists/negative/import")
                        .file(new MockMultipartFile("file", "x.xlsx", "text/plain", "nope".getBytes(StandardCharsets.UTF_8)))
                        .with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat((java.util.List<?>) unconfirmedImport.getFlashMap().get("violations"))
                .extracting(v -> ((org.yiwang.kernel.InvalidInputException.Violation) v).rule())
                .containsExactly("confirmation-required");
    }

    @Test
    void aBadUploadIsReportedOnThePage() throws Exception {
        mvc.perform(multipart("/catalog/lists/negative/import")
                        .file(new MockMultipartFile("file", "x.xlsx", "text/plain", "nope".getBytes(StandardCharsets.UTF_8)))
                        .param("confirm", "yes").with(user(SharingPolicyTest.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("violations"));
    }
}
