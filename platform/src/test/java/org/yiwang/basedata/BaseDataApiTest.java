package org.yiwang.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;
import tools.jackson.databind.json.JsonMapper;

/** The base data API as a department system or a data administrator uses it, incl. every kind of bad input. */
@IntegrationTest
class BaseDataApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired FieldCipher cipher;
    @Autowired JsonMapper json;

    static RequestPostProcessor as(Actor actor) {
        return user(new ActorPrincipal(actor, "", true));
    }

    static final Actor ADMIN = new Actor("admin-t", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());
    static final Actor POLICE = new Actor("ga-t", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());

    long subjects() {
        return jdbc.sql("SELECT count(*) FROM basedata_subject").query(Long.class).single();
    }

    String write(String id, String factsJson) {
        return """
                {"type":"PERSON","key":"%s","facts":%s,"sourceDepartment":"310104-GA","method":"AUTHORITATIVE",
                 "purpose":"PERSON_REGISTRY"}""".formatted(id, factsJson);
    }

    @Test
    void writeThenReadOverHttp() throws Exception {
        String id = TestSubjects.citizenId();
        mvc.perform(post("/api/v1/subjects/write").with(as(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(write(id, "[{\"element\":\"person.name\",\"value\":\"赵六\"},"
                                + "{\"element\":\"person.division\",\"value\":\"310104014\"}]")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(true));

        mvc.perform(post("/api/v1/subjects/read").with(as(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id + "\",\"elements\":[\"person.name\"],"
                                + "\"purpose\":\"DATA_GOVERNANCE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values['person.name'].value").value("赵*"))
                .andExpect(jsonPath("$.values['person.name'].provenance.sourceDepartment").value("310104-GA"));
    }

    @Test
    void aWrongCheckDigitIsAProblemNamingTheFieldAndRule() throws Exception {
        long before = subjects();
        mvc.perform(post("/api/v1/subjects/write").with(as(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(write(TestSubjects.withWrongCheckDigit(TestSubjects.citizenId()),
                                "[{\"element\":\"person.name\",\"value\":\"x\"}]")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("person.citizen_id"))
                .andExpect(jsonPath("$.rule").value("check-digit"));
        assertThat(subjects()).isEqualTo(before);
    }

    @Test
    void unknownElementsCodeTableViolationsAndWrongTypesAreNamed() throws Exception {
        long before = subjects();
        mvc.perform(post("/api/v1/subjects/write").with(as(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(write(TestSubjects.citizenId(), "[{\"element\":\"person.shoe_size\",\"value\":\"42\"},"
                                + "{\"element\":\"person.ethnicity\",\"value\":\"77\"},"
                                + "{\"element\":\"person.birth_date\",\"value\":\"31/02/1990\"}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='person.shoe_size')].rule").value("unknown-element"))
                .andExpect(jsonPath("$.errors[?(@.field=='person.ethnicity')].rule").value("code-table"))
                .andExpect(jsonPath("$.errors[?(@.field=='person.birth_date')]").exists());
        mvc.perform(post("/api/v1/subjects/write").with(as(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(write(TestSubjects.citizenId(), "[{\"element\":\"person.name\",\"value\":\"x\"}]")
                                .replace("AUTHORITATIVE", "GUESSED")))
                .andExpect(status().isBadRequest());
        assertThat(subjects()).isEqualTo(before);
    }

    @Test
    void aNegativeListedElementIsRefusedWithTheReason() throws Exception {
        String id = TestSubjects.citizenId();
        mvc.perform(post("/api/v1/subjects/write").with(as(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(write(id, "[{\"element\":\"person.name\",\"value\":\"孙七\"}]"))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/subjects/read").with(as(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id + "\",\"elements\":[\"person.health_condition\"],"
                                + "\"purpose\":\"DATA_GOVERNANCE\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("NEGATIVE_LIST"))
                .andExpect(jsonPath("$.field").value("person.health_condition"));
    }

    @Test
    void aReadWithoutPurposeOrForAnUnknownSubjectIsRefused() throws Exception {
        mvc.perform(post("/api/v1/subjects/read").with(as(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + TestSubjects.citizenId()
                                + "\",\"elements\":[\"person.name\"],\"purpose\":\"DATA_GOVERNANCE\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("subject"));
        mvc.perform(post("/api/v1/subjects/read").with(as(ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + TestSubjects.citizenId()
                                + "\",\"elements\":[\"person.name\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("purpose"));
    }

    @Test
    void aCsvImportTakesTheValidRowsAndReportsTheRest() throws Exception {
        String good1 = TestSubjects.citizenId("1", "1981-01-01");
        String good2 = TestSubjects.citizenId("2", "1982-02-02");
        String badDigit = TestSubjects.withWrongCheckDigit(TestSubjects.citizenId());
        String badGender = TestSubjects.citizenId();
        String csv = "\uFEFFperson.citizen_id,person.name,person.gender,person.division\n"
                + good1 + ",周一,1,310104014\n"
                + badDigit + ",吴二,1,310104014\n"
                + good2 + ",郑三,2,310104011\n"
                + badGender + ",王四,5,310104011\n";
        long before = subjects();

        String importId = startImport(new MockMultipartFile("file", "people.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        ImportReport report = awaitDone(importId);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.problems()).extracting(ImportReport.RowProblem::row, ImportReport.RowProblem::field,
                        ImportReport.RowProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "person.citizen_id", "check-digit"),
                        org.assertj.core.groups.Tuple.tuple(5L, "person.gender", "code-table"));
        assertThat(subjects()).isEqualTo(before + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_subject WHERE key_idx = ?").param(cipher.blindIndex(badGender))
                .query(Long.class).single()).isZero();

        String rejected = mvc.perform(get("/api/v1/imports/" + importId + "/rejected.csv").with(as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).contains(badDigit).contains("吴二").contains("code-table").doesNotContain(good1);
        // the original rows go back to the uploader only, not to another administrator
        Actor otherAdmin = new Actor("admin-2", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());
        mvc.perform(get("/api/v1/imports/" + importId + "/rejected.csv").with(as(otherAdmin)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NOT_OWNER"));
        mvc.perform(get("/api/v1/imports/" + importId).with(as(otherAdmin))).andExpect(status().isOk());
    }

    @Test
    void anXlsxWithChineseHeadersImports() throws Exception {
        String id = TestSubjects.citizenId();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("人口");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("公民身份号码");
            header.createCell(1).setCellValue("姓名");
            header.createCell(2).setCellValue("所属行政区划");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(id);
            row.createCell(1).setCellValue("冯五");
            row.createCell(2).setCellValue("310104014");
            book.write(out);
        }
        ImportReport report = awaitDone(startImport(new MockMultipartFile("file", "people.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray())));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).isZero();
    }

    @Test
    void malformedFilesAreRefusedWholeBeforeAnythingIsWritten() throws Exception {
        long imports = jdbc.sql("SELECT count(*) FROM basedata_import").query(Long.class).single();
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "people.csv", "text/csv",
                                "person.citizen_id,person.shoe_size\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("person.shoe_size"))
                .andExpect(jsonPath("$.rule").value("unknown-element"));
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "people.csv", "text/csv",
                                "person.name\n张三\n".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("key-column"));
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "people.xlsx", "application/octet-stream",
                                "this is not a spreadsheet".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("file-format"));
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "people.pdf", "application/pdf",
                                new byte[] {1, 2, 3}))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .with(as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("file-format"));
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_import").query(Long.class).single()).isEqualTo(imports);
    }

    @Test
    void aResidentCannotImport() throws Exception {
        Actor resident = new Actor("r", Role.RESIDENT, null, null, null, Set.of());
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", new byte[] {1}))
                        .param("type", "PERSON").param("method", "SELF_DECLARED").with(as(resident)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    String startImport(MockMultipartFile file) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(file).param("type", "PERSON")
                        .param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE").with(as(ADMIN)).with(csrf()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.importId").exists())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("importId").asString();
    }

    ImportReport awaitDone(String importId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> json.readValue(
                mvc.perform(get("/api/v1/imports/" + importId).with(as(ADMIN))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(), ImportReport.class),
                r -> r.status() != ImportReport.Status.RUNNING);
    }
}
