package org.yiwang.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probes an attacker or a careless integrator tries against the base: each is refused with a problem naming
 * the field and the rule, and nothing is written (rows, history and audit counted before and after).
 */
@IntegrationTest
class BaseDataProbeTest {

    static final Actor POLICE = new Actor("ga-probe", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());
    static final Actor TAX = new Actor("swj-probe", Role.DEPARTMENT_OFFICER, "310104-SWJ", null, null, Set.of());
    static final Actor ADMIN = new Actor("admin-probe", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());

    @Autowired Facts facts;
    @Autowired PersonalData personalData;
    @Autowired JdbcClient jdbc;
    @Autowired FieldCipher cipher;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    static Attribution police(String reason) {
        return Attribution.of("310104-GA", Method.AUTHORITATIVE, "PERSON_REGISTRY", reason);
    }

    String registerPerson() {
        String id = TestSubjects.citizenId("1", "1986-03-04");
        facts.write(POLICE, SubjectRef.person(id), List.of(new Fact("person.name", "陈立"), new Fact("person.gender", "1"),
                new Fact("person.birth_date", "1986-03-04"), new Fact("person.division", "310104014"),
                new Fact("person.phone", "13912345678")), police("registration"));
        return id;
    }

    /** Rows, history and audit records: a refused command changes none of them. */
    record Counts(long subjects, long changes, long audit) {}

    Counts counts() {
        return new Counts(count("basedata_subject"), count("basedata_change"), count("audit_record"));
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long historyOf(String id) {
        return jdbc.sql("SELECT count(*) FROM basedata_change c JOIN basedata_subject s ON s.id = c.subject_id "
                + "WHERE s.key_idx = ?").param(cipher.blindIndex(id)).query(Long.class).single();
    }

    static void assertRule(Throwable thrown, String field, String rule) {
        assertThat(thrown).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                .extracting(InvalidInputException.Violation::field, InvalidInputException.Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple(field, rule)));
    }

    // ---- §3 facts are right

    @Test
    void aGenderOrBirthDateThatDisagreesWithTheCitizenIdIsRefusedAndNothingIsWritten() {
        String man = TestSubjects.citizenId("1", "1990-05-06");
        Counts before = counts();

        assertRule(catchThrowable(() -> facts.write(POLICE, SubjectRef.person(man), List.of(
                new Fact("person.name", "刘伟"), new Fact("person.gender", "2")), police("probe"))),
                "person.gender", "id-gender");
        assertRule(catchThrowable(() -> facts.write(POLICE, SubjectRef.person(man), List.of(
                new Fact("person.birth_date", "1990-05-07")), police("probe"))), "person.birth_date", "id-birth-date");

        assertThat(counts()).isEqualTo(before);
        // the facts the ID encodes are accepted
        facts.write(POLICE, SubjectRef.person(man), List.of(new Fact("person.gender", "1"),
                new Fact("person.birth_date", "19900506")), police("registration"));
    }

    @Test
    void aDivisionOrGridMissingFromTheDirectoryIsRefused() {
        String id = TestSubjects.citizenId("2", "1979-11-12");
        Counts before = counts();

        assertRule(catchThrowable(() -> facts.write(POLICE, SubjectRef.person(id), List.of(
                new Fact("person.division", "310104999")), police("probe"))), "person.division", "unknown-division");
        assertRule(catchThrowable(() -> facts.write(ADMIN, SubjectRef.person(id), List.of(
                new Fact("person.grid", "310104014")), Attribution.of(null, Method.COLLECTED, "DATA_GOVERNANCE",
                "probe"))), "person.grid", "not-a-grid");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aPhoneNumberOutsideTheAssignedMobileSegmentsIsRefused() {
        String id = registerPerson();
        Counts before = counts();

        assertRule(catchThrowable(() -> facts.write(ADMIN, SubjectRef.person(id), List.of(
                new Fact("person.phone", "14012345678")), Attribution.of(null, Method.COLLECTED, "DATA_GOVERNANCE",
                "probe"))), "person.phone", "mobile-segment");

        assertThat(counts()).isEqualTo(before);
    }

    // ---- §5 write rights per element

    @Test
    void taxCannotOverwriteAPersonsPhoneOutsideItsDemandEntry() {
        String id = registerPerson();
        long history = historyOf(id);
        Counts before = counts();

        assertThatThrownBy(() -> facts.write(TAX, SubjectRef.person(id), List.of(new Fact("person.phone", "13800000000")),
                Attribution.of("310104-SWJ", Method.COLLECTED, "DATA_GOVERNANCE", "probe")))
                .isInstanceOfSatisfying(AccessDeniedProblem.class, e -> {
                    assertThat(e.reason()).isEqualTo("NO_WRITE_RIGHT");
                    assertThat(e.field()).isEqualTo("person.phone");
                    assertThat(e.getMessage()).contains("联系电话");
                });

        assertThat(historyOf(id)).isEqualTo(history);
        assertThat(counts().subjects()).isEqualTo(before.subjects());
        assertThat(personalData.read(POLICE, new ReadRequest(SubjectRef.person(id), List.of("person.phone"),
                "PERSON_REGISTRY", false)).value("person.phone")).isEqualTo("13912345678");
    }

    @Test
    void theWriteAnswerDoesNotTellWhetherAGuessedValueMatched() {
        String id = registerPerson();
        // tax collects the phone for the house-sale tax (a demand entry), but reads it masked only
        Attribution guess = Attribution.of(null, Method.SELF_DECLARED, "HOUSE_SALE_TAX", "guess");

        WriteResult right = facts.write(TAX, SubjectRef.person(id), List.of(new Fact("person.phone", "13912345678")), guess);
        WriteResult wrong = facts.write(TAX, SubjectRef.person(id), List.of(new Fact("person.phone", "13700000000")), guess);

        assertThat(right.changed()).isEqualTo(wrong.changed()).doesNotContain("person.phone");
        assertThat(right.conflicts()).isEqualTo(wrong.conflicts()).doesNotContain("person.phone");
    }

    @Test
    void aFileWithAColumnTheDepartmentMayNotWriteIsRefusedWhole() throws Exception {
        long imports = count("basedata_import");
        String csv = "person.citizen_id,person.phone\n" + TestSubjects.citizenId() + ",13912345678\n";

        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "phones.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8)))
                        .param("type", "PERSON").param("sourceDepartment", "310104-SWJ").param("method", "COLLECTED")
                        .param("purpose", "DATA_GOVERNANCE").with(BaseDataApiTest.as(TAX)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("NO_WRITE_RIGHT"))
                .andExpect(jsonPath("$.field").value("person.phone"));

        assertThat(count("basedata_import")).isEqualTo(imports);
    }

    // ---- §5 purposes are catalog codes, for every reader

    @Test
    void aReadWithAnUnregisteredPurposeIsRefusedEvenForTheResponsibleDepartment() {
        String id = registerPerson();
        Counts before = counts();

        assertRule(catchThrowable(() -> personalData.read(POLICE, new ReadRequest(SubjectRef.person(id),
                List.of("person.name"), "ANY_STRING_AT_ALL", false))), "purpose", "unknown-purpose");
        assertRule(catchThrowable(() -> personalData.dossier(POLICE, SubjectRef.person(id), "NOT_A_PURPOSE")),
                "purpose", "unknown-purpose");

        assertThat(counts()).isEqualTo(before);
    }

    // ---- §5 the same answer whether or not an ID number exists

    @Test
    void aConsumerWithoutEntitlementGetsTheSameRefusalForAMissingAndAnExistingPerson() {
        String existing = registerPerson();
        String missing = TestSubjects.citizenId("1", "1986-03-04");
        ReadRequest asked = new ReadRequest(SubjectRef.person(existing), List.of("person.name"), "WINDOW_SERVICE", false);

        Throwable onExisting = catchThrowable(() -> personalData.read(TAX, asked));
        Throwable onMissing = catchThrowable(() -> personalData.read(TAX,
                new ReadRequest(SubjectRef.person(missing), asked.elements(), asked.purpose(), false)));
        assertSameRefusal(onExisting, onMissing);

        // tax is responsible for no element of a person and has no demand entry for the window's purpose
        assertSameRefusal(catchThrowable(() -> personalData.dossier(TAX, SubjectRef.person(existing), "WINDOW_SERVICE")),
                catchThrowable(() -> personalData.dossier(TAX, SubjectRef.person(missing), "WINDOW_SERVICE")));

        Attribution tax = Attribution.of("310104-SWJ", Method.COLLECTED, "DATA_GOVERNANCE", "probe");
        assertSameRefusal(catchThrowable(() -> facts.write(TAX, SubjectRef.person(existing),
                        List.of(new Fact("person.phone", "13800000000")), tax)),
                catchThrowable(() -> facts.write(TAX, SubjectRef.person(missing),
                        List.of(new Fact("person.phone", "13800000000")), tax)));
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_subject WHERE key_idx = ?").param(cipher.blindIndex(missing))
                .query(Long.class).single()).isZero();

        // a grid worker of another street learns no more: out of scope, existing or not
        Actor grid = new Actor("grid-probe", Role.GRID_WORKER, "310104011-JD", DivisionCode.of("310104011"), null, Set.of());
        ReadRequest gridAsks = new ReadRequest(SubjectRef.person(existing), List.of("person.name"), "GRASSROOTS_GOVERNANCE", false);
        assertSameRefusal(catchThrowable(() -> personalData.read(grid, gridAsks)), catchThrowable(() -> personalData.read(grid,
                new ReadRequest(SubjectRef.person(missing), gridAsks.elements(), gridAsks.purpose(), false))));
    }

    static void assertSameRefusal(Throwable existing, Throwable missing) {
        assertThat(existing).isInstanceOf(AccessDeniedProblem.class);
        assertThat(missing).isInstanceOf(AccessDeniedProblem.class);
        AccessDeniedProblem a = (AccessDeniedProblem) existing;
        AccessDeniedProblem b = (AccessDeniedProblem) missing;
        assertThat(List.of(b.reason(), String.valueOf(b.field()), b.getMessage()))
                .isEqualTo(List.of(a.reason(), String.valueOf(a.field()), a.getMessage()));
    }

    // ---- §5 bad element lists are refused before anything is audited

    @Test
    void unknownDuplicatedNullOrTooManyElementsAreRefusedBeforeAnythingIsAudited() throws Exception {
        String id = registerPerson();
        Counts before = counts();
        String many = IntStream.range(0, 101).mapToObj(i -> "\"person.name\"").collect(Collectors.joining(","));

        read(id, "[\"person.name\",\"person.shoe_size\"]").andExpect(jsonPath("$.field").value("elements[1]"))
                .andExpect(jsonPath("$.rule").value("unknown-element"));
        read(id, "[\"person.name\",\"person.name\"]").andExpect(jsonPath("$.rule").value("duplicate-element"));
        read(id, "[\"person.name\",null]").andExpect(jsonPath("$.field").value("elements[1]"))
                .andExpect(jsonPath("$.rule").value("null-element"));
        read(id, "[" + many + "]").andExpect(jsonPath("$.field").value("elements"))
                .andExpect(jsonPath("$.rule").value("max-elements"));

        assertThat(counts()).isEqualTo(before);
    }

    org.springframework.test.web.servlet.ResultActions read(String id, String elements) throws Exception {
        return mvc.perform(post("/api/v1/subjects/read").with(BaseDataApiTest.as(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id + "\",\"elements\":" + elements
                                + ",\"purpose\":\"PERSON_REGISTRY\"}"))
                .andExpect(status().isBadRequest());
    }

    // ---- §5 NUL bytes, unknown subject types, encodings: 400, never 500

    @Test
    void nulBytesAndUnknownSubjectTypesAreProblemsNotServerErrors() throws Exception {
        String id = registerPerson();
        Counts before = counts();

        mvc.perform(post("/api/v1/subjects/write").with(BaseDataApiTest.as(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id + "\",\"facts\":[{\"element\":\"person.name\","
                                + "\"value\":\"陈\\u0000立\"}],\"sourceDepartment\":\"310104-GA\",\"method\":\"AUTHORITATIVE\","
                                + "\"purpose\":\"PERSON_REGISTRY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("person.name"))
                .andExpect(jsonPath("$.rule").value("nul-byte"));
        mvc.perform(post("/api/v1/subjects/write").with(BaseDataApiTest.as(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"key\":\"" + id + "\",\"facts\":[{\"element\":\"person.name\","
                                + "\"value\":\"陈立\"}],\"sourceDepartment\":\"310104-GA\",\"method\":\"AUTHORITATIVE\","
                                + "\"purpose\":\"PERSON_REGISTRY\",\"reason\":\"a\\u0000b\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.rule").value("nul-byte"));
        mvc.perform(post("/api/v1/subjects/read").with(BaseDataApiTest.as(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"HOUSE\",\"key\":\"3101\\u0000\",\"elements\":[\"house.address\"],"
                                + "\"purpose\":\"PERSON_REGISTRY\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/subjects/read").with(BaseDataApiTest.as(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"SPACESHIP\",\"key\":\"" + id + "\",\"elements\":[\"person.name\"],"
                                + "\"purpose\":\"PERSON_REGISTRY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("type"));
        long imports = count("basedata_import");
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv",
                                "person.citizen_id\n".getBytes(StandardCharsets.UTF_8)))
                        .param("type", "SPACESHIP").param("method", "COLLECTED").with(BaseDataApiTest.as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("type"))
                .andExpect(jsonPath("$.rule").value("unknown-subject-type"));

        assertThat(counts()).isEqualTo(before);
        assertThat(count("basedata_import")).isEqualTo(imports);
    }

    @Test
    void aGbkCsvFromExcelIsDecodedAndAFileInNoKnownEncodingIsRefused() throws Exception {
        String id = TestSubjects.citizenId("2", "1993-08-09");
        String csv = "公民身份号码,姓名,性别,所属行政区划\r\n" + id + ",欧阳娜娜,2,310104014\r\n";
        ImportReport report = awaitDone(startImport(csv.getBytes(Charset.forName("GBK"))));
        assertThat(report.imported()).isEqualTo(1);
        assertThat(personalData.read(POLICE, new ReadRequest(SubjectRef.person(id), List.of("person.name"),
                "PERSON_REGISTRY", false)).value("person.name")).isEqualTo("欧阳娜娜");

        long imports = count("basedata_import");
        byte[] garbage = {'p', 'e', 'r', (byte) 0xFF, (byte) 0xFE, (byte) 0xFF, ',', (byte) 0x80, '\n'};
        mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "p.csv", "text/csv", garbage))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .with(BaseDataApiTest.as(ADMIN)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.rule").value("encoding"));
        assertThat(count("basedata_import")).isEqualTo(imports);
    }

    // ---- §5 exports neutralise spreadsheet formulas

    @Test
    void theRejectedRowsDownloadNeutralisesFormulas() throws Exception {
        String id = TestSubjects.citizenId("1", "1970-01-02");
        String csv = "person.citizen_id,person.name,person.gender\n" + id + ",\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",7\n";
        String importId = startImport(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitDone(importId).rejected()).isEqualTo(1);

        String rejected = mvc.perform(get("/api/v1/imports/" + importId + "/rejected.csv").with(BaseDataApiTest.as(ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> cells = new ArrayList<>();
        org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(rejected)).forEach(r -> cells.addAll(r.toList()));
        assertThat(cells).contains("'=HYPERLINK(\"http://x\",\"点我\")").noneMatch(c -> c.startsWith("="));
    }

    String startImport(byte[] file) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "people.csv", "text/csv", file))
                        .param("type", "PERSON").param("sourceDepartment", "310104-GA").param("method", "AUTHORITATIVE")
                        .param("purpose", "PERSON_REGISTRY").with(BaseDataApiTest.as(ADMIN)).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("importId").asString();
    }

    ImportReport awaitDone(String importId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> json.readValue(
                mvc.perform(get("/api/v1/imports/" + importId).with(BaseDataApiTest.as(ADMIN))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(), ImportReport.class),
                r -> r.status() != ImportReport.Status.RUNNING);
    }
}
