package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;

@IntegrationTest
class CatalogApiTest {

    static final ActorPrincipal ADMIN = SharingPolicyTest.ADMIN;
    static final ActorPrincipal CLERK =
            new ActorPrincipal(new Actor("catalog-test-clerk", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of()), "", true);

    @Autowired MockMvc mvc;

    @Test
    void anyoneSignedInReadsElementsAndCodeTables() throws Exception {
        mvc.perform(get("/api/v1/catalog/elements").param("subjectType", "HOUSE").with(user(CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(11))
                .andExpect(jsonPath("$[*].code", hasItem("house.owner_citizen_id")));
        mvc.perform(get("/api/v1/catalog/elements/person.gender").with(user(CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.codeTable").value("gender"))
                .andExpect(jsonPath("$.nameZh").value("性别"));
        mvc.perform(get("/api/v1/catalog/code-tables/marital").with(user(CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.codes.length()").value(8))
                .andExpect(jsonPath("$.codes[0].labelZh").value("未婚"));
        mvc.perform(get("/api/v1/catalog/elements/person.shoe_size").with(user(CLERK)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void anInvalidElementIsRefusedNamingEveryBrokenRule() throws Exception {
        mvc.perform(post("/api/v1/catalog/elements").with(user(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"person.shoe_size","nameZh":"鞋码","subjectType":"PERSON","type":"CODE",
                                 "sensitivity":7}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("codeTable")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("range")));
        mvc.perform(get("/api/v1/catalog/elements/person.shoe_size").with(user(ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void aDuplicateElementIsAConflict() throws Exception {
        mvc.perform(post("/api/v1/catalog/elements").with(user(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"person.name","nameZh":"另一个姓名","subjectType":"PERSON","type":"STRING",
                                 "sensitivity":3}"""))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("duplicate"))
                .andExpect(jsonPath("$.detail").value("code: 已存在:person.name"));
        mvc.perform(get("/api/v1/catalog/elements/person.name").with(user(ADMIN))).andExpect(jsonPath("$.nameZh").value("姓名"));
    }

    @Test
    void addingListEntriesChecksElementDepartmentPurposeAndDuplicates() throws Exception {
        String before = demandJson();
        postDemand("{\"department\":\"310104-JT\",\"purpose\":\"RIDE_HAILING_CHECK\",\"element\":\"person.shoe_size\",\"legalBasis\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("element")).andExpect(jsonPath("$.rule").value("unknown-element"));
        postDemand("{\"department\":\"310104-XX\",\"purpose\":\"RIDE_HAILING_CHECK\",\"element\":\"person.phone\",\"legalBasis\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("department")).andExpect(jsonPath("$.rule").value("unknown-department"));
        postDemand("{\"department\":\"310104-JT\",\"purpose\":\"SHOPPING\",\"element\":\"person.phone\",\"legalBasis\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("purpose")).andExpect(jsonPath("$.rule").value("unknown-purpose"));
        postDemand("{\"department\":\"310104-JT\",\"purpose\":\"RIDE_HAILING_CHECK\",\"element\":\"person.name\",\"legalBasis\":\"x\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("duplicate"));
        assertThat(demandJson()).isEqualTo(before);

        mvc.perform(post("/api/v1/catalog/lists/responsibility").with(user(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"person.shoe_size\",\"department\":\"310104-GA\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("element")).andExpect(jsonPath("$.rule").value("unknown-element"));
        mvc.perform(post("/api/v1/catalog/lists/negative").with(user(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"person.health_condition\",\"reason\":\"again\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("element"));
    }

    @Test
    void onlyADataAdministratorChangesTheLists() throws Exception {
        String before = negativeJson();
        mvc.perform(post("/api/v1/catalog/lists/negative").with(user(CLERK)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"person.phone\",\"reason\":\"不想共享\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/catalog/lists/negative.xlsx").file(xlsx(export("negative")))
                        .with(user(CLERK)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/catalog/sharing/explain").param("consumer", "SELF").param("element", "person.phone")
                        .param("purpose", "WINDOW_SERVICE").with(user(CLERK)))
                .andExpect(status().isForbidden());
        assertThat(negativeJson()).isEqualTo(before);
    }

    @Test
    void exportThenImportGivesTheSameList() throws Exception {
        String before = demandWithoutIds();
        byte[] file = export("demand");
        mvc.perform(multipart("/api/v1/catalog/lists/demand.xlsx").file(xlsx(file)).with(user(ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.list").value("demand"));
        assertThat(demandWithoutIds()).isEqualTo(before);
    }

    @Test
    void oneBadRowRefusesTheWholeImport() throws Exception {
        String before = demandJson();
        byte[] file;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export("demand")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(2).getCell(0).setCellValue("310104-NOPE"); // spreadsheet row 3, column A
            workbook.getSheetAt(0).getRow(0).getSheet().createRow(workbook.getSheetAt(0).getLastRowNum() + 1);
            workbook.write(out);
            file = out.toByteArray();
        }
        mvc.perform(multipart("/api/v1/catalog/lists/demand.xlsx").file(xlsx(file)).with(user(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("unknown-department"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("A"))
                .andExpect(jsonPath("$.errors[0].field").value("department"))
                .andExpect(jsonPath("$.errors[0].detail").value("部门不存在:310104-NOPE"))
                .andExpect(jsonPath("$.title").value("输入不符合规则"))
                .andExpect(jsonPath("$.detail").value("文件有1处错误,未导入任何行"));
        assertThat(demandJson()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefused() throws Exception {
        String before = negativeJson();
        mvc.perform(multipart("/api/v1/catalog/lists/negative.xlsx")
                        .file(new MockMultipartFile("file", "negative.xlsx", "text/plain", "a,b,c".getBytes(StandardCharsets.UTF_8)))
                        .with(user(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file")).andExpect(jsonPath("$.rule").value("file-format"));
        mvc.perform(multipart("/api/v1/catalog/lists/negative.xlsx").file(xlsx(export("responsibility")))
                        .with(user(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("file-format"));
        assertThat(negativeJson()).isEqualTo(before);
    }

    @Test
    void explainShowsTheDecisionAndTheRuleTrace() throws Exception {
        mvc.perform(get("/api/v1/catalog/sharing/explain").param("consumer", "310104-JT")
                        .param("element", "person.marital_status").param("purpose", "RIDE_HAILING_CHECK").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.allowed").value(false))
                .andExpect(jsonPath("$.decision.reason").value("NO_DEMAND_ENTRY"))
                .andExpect(jsonPath("$.steps.length()").value(6))
                .andExpect(jsonPath("$.steps[5].rule").value("DEFAULT_DENY"))
                .andExpect(jsonPath("$.steps[5].outcome").value("DECIDED"));
        mvc.perform(get("/api/v1/catalog/sharing/explain").param("consumer", "310000-DSJ")
                        .param("element", "person.health_condition").param("purpose", "DATA_GOVERNANCE").with(user(ADMIN)))
                .andExpect(jsonPath("$.decision.reason").value("NEGATIVE_LIST"))
                .andExpect(jsonPath("$.steps[2].outcome").value("DECIDED"))
                .andExpect(jsonPath("$.steps[3].outcome").value("NOT_REACHED"));
        mvc.perform(get("/api/v1/catalog/sharing/explain").param("consumer", "310104-NOPE").param("element", "person.phone")
                        .param("purpose", "RIDE_HAILING_CHECK").with(user(ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("consumer")).andExpect(jsonPath("$.rule").value("unknown-department"));
    }

    private org.springframework.test.web.servlet.ResultActions postDemand(String json) throws Exception {
        return mvc.perform(post("/api/v1/catalog/lists/demand").with(user(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private byte[] export(String list) throws Exception {
        return mvc.perform(get("/api/v1/catalog/lists/" + list + ".xlsx").with(user(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MockMultipartFile xlsx(byte[] content) {
        return new MockMultipartFile("file", "list.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content);
    }

    private String demandJson() throws Exception {
        return mvc.perform(get("/api/v1/catalog/lists/demand").with(user(ADMIN))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String demandWithoutIds() throws Exception {
        return demandJson().replaceAll("\"id\":\\d+,", "");
    }

    private String negativeJson() throws Exception {
        return mvc.perform(get("/api/v1/catalog/lists/negative").with(user(ADMIN))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
