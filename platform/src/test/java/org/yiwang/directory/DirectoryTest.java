package org.yiwang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yiwang.directory.DirectorySecurityTest.as;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;

/** Divisions, departments, users and data scope. */
@IntegrationTest
class DirectoryTest {

    @Autowired MockMvc mvc;
    @Autowired Directory directory;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    @Test
    void xuhuiHasItsFourteenRealStreetsWithCommunitiesAndGrids() {
        assertThat(directory.children("310104"))
                .hasSize(14)
                .allMatch(d -> d.level() == Division.Level.STREET && d.parentCode().equals("310104"))
                .contains(new Division("310104014", "徐家汇街道", Division.Level.STREET, "310104"));
        String community = directory.children("310104014").get(0).code();
        assertThat(community).hasSize(12).startsWith("310104014");
        assertThat(directory.children(community)).extracting(Division::code, Division::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(community + "001", "第1网格"),
                        org.assertj.core.groups.Tuple.tuple(community + "002", "第2网格"),
                        org.assertj.core.groups.Tuple.tuple(community + "003", "第3网格"));
        assertThat(directory.lineage(community + "002")).extracting(Division::code)
                .containsExactly("31", "3101", "310104", "310104014", community, community + "002");
        assertThat(directory.within("310104", Division.Level.GRID))
                .hasSize(3 * directory.within("310104", Division.Level.COMMUNITY).size())
                .allMatch(g -> g.code().length() == 15 && g.code().startsWith("310104"));
        assertThat(directory.within("31", Division.Level.STREET)).hasSizeGreaterThan(200);
        assertThat(directory.division("130171")).as("functional zones are dropped").isEmpty();
        assertThat(directory.division("110101")).map(Division::name).contains("东城区");
    }

    @Test
    void gridWorkerSeesOnlyTheirStreet() {
        Actor grid = users.actor("grid").orElseThrow();
        assertThat(grid.role()).isEqualTo(Role.GRID_WORKER);
        assertThat(grid.scopeDivision().value()).isEqualTo("310104014");
        String community = directory.children("310104014").get(0).code();
        assertThat(directory.inScope(grid, community + "001")).isTrue();
        assertThat(directory.inScope(grid, "310104014")).isTrue();
        assertThat(directory.inScope(grid, "310104011001")).isFalse();
        assertThat(directory.inScope(users.actor("officer").orElseThrow(), "310104011001")).isTrue();
    }

    @Test
    void demoAccountsCarryTheirIdentifiersWhichOnlyRestEncrypted() {
        Actor resident = users.actor("resident").orElseThrow();
        assertThat(resident.citizenId()).isEqualTo(CitizenId.parse("310104199003074211"));
        assertThat(users.actor("enterprise").orElseThrow().creditCodes())
                .containsExactly(CreditCode.parse("91310104MA1FL0QX48"));
        assertThat(users.find("resident").orElseThrow().citizenIdMasked()).isEqualTo("3101**********4211");
        byte[] sealed = jdbc.sql("SELECT citizen_id_cipher FROM directory_user WHERE username = 'resident'")
                .query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("310104199003074211");
        for (Role role : Role.values()) {
            assertThat(users.list()).as("a demo account for " + role).anyMatch(u -> u.role() == role);
        }
    }

    @Test
    void passwordsAreStoredHashed() {
        String hash = jdbc.sql("SELECT password_hash FROM directory_user WHERE username = 'clerk'")
                .query(String.class).single();
        assertThat(hash).isNotEqualTo("yiwang2026").doesNotContain("yiwang2026").startsWith("{bcrypt}");
    }

    @Test
    void systemAdminCreatesAUserThroughTheApi() throws Exception {
        String username = "gw" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/v1/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(user(username, "GRID_WORKER", "310104011-JD", "310104011")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.scopeDivision").value("310104011"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist());
        assertThat(users.actor(username).orElseThrow().scopeDivision().value()).isEqualTo("310104011");
    }

    @Test
    void unknownDepartmentRoleOrDivisionIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        record Case(String role, String department, String scope, String field, String rule) {}
        for (Case c : new Case[] {
                new Case("WINDOW_CLERK", "310104-NOPE", null, "departmentCode", "known-department"),
                new Case("MAYOR", "310104-ZWFW", null, "role", "known-role"),
                new Case("GRID_WORKER", "310104014-JD", "310104999", "scopeDivision", "known-division")}) {
            String username = "bad" + UUID.randomUUID().toString().substring(0, 8);
            mvc.perform(post("/api/v1/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(user(username, c.role(), c.department(), c.scope())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value(c.field()))
                    .andExpect(jsonPath("$.rule").value(c.rule()));
            assertThat(users.find(username)).as(c.field()).isEmpty();
        }
    }

    @Test
    void badUsernameAndResidentIdAreReportedTogether() throws Exception {
        mvc.perform(post("/api/v1/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"X!","password":"password1","displayName":"居民","role":"RESIDENT",
                                 "citizenId":"310104199003074214"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'username')].rule").value("username-format"))
                .andExpect(jsonPath("$.errors[?(@.field == 'citizenId')].rule").value("check-digit"));
        assertThat(users.find("X!")).isEmpty();
    }

    @Test
    void usersPageShowsErrorsAndWritesNothing() throws Exception {
        String username = "page" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/directory/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .param("username", username).param("password", "correct-horse-1").param("displayName", "窗口")
                        .param("role", "WINDOW_CLERK").param("departmentCode", "310104-NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-field=\"departmentCode\"")));
        assertThat(users.find(username)).isEmpty();
        mvc.perform(post("/directory/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .param("username", username).param("password", "correct-horse-1").param("displayName", "窗口")
                        .param("role", "WINDOW_CLERK").param("departmentCode", "310104-ZWFW"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.find(username)).hasValueSatisfying(u -> assertThat(u.departmentCode()).isEqualTo("310104-ZWFW"));
    }

    @Test
    void divisionsOverRest() throws Exception {
        mvc.perform(get("/api/v1/divisions/310104014").with(as(Role.DEPARTMENT_OFFICER, "310104-SCJG")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("徐家汇街道"))
                .andExpect(jsonPath("$.level").value("STREET"));
        mvc.perform(get("/api/v1/divisions/310104/children").with(as(Role.DEPARTMENT_OFFICER, "310104-SCJG")))
                .andExpect(jsonPath("$.length()").value(14));
        mvc.perform(get("/api/v1/divisions/310104999").with(as(Role.DEPARTMENT_OFFICER, "310104-SCJG")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void divisionBrowserDrillsDownWithHtmx() throws Exception {
        mvc.perform(get("/directory/divisions").with(as(Role.COMMAND_CENTER, "310104-CY")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("徐家汇街道")))
                .andExpect(content().string(containsString("hx-get=\"/directory/divisions/310104014/children\"")));
        mvc.perform(get("/directory/divisions/310104014/children").with(as(Role.COMMAND_CENTER, "310104-CY")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("社区")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(get("/directory/departments").with(as(Role.DATA_ADMIN, "310000-DSJ")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("徐汇区市场监督管理局")));
        mvc.perform(get("/directory/divisions").with(as(Role.RESIDENT, null))).andExpect(status().isForbidden());
    }

    private static String user(String username, String role, String department, String scope) {
        return """
                {"username":"%s","password":"correct-horse-1","displayName":"测试","role":"%s","departmentCode":%s,
                 "scopeDivision":%s}""".formatted(username, role, department == null ? "null" : '"' + department + '"',
                scope == null ? "null" : '"' + scope + '"');
    }
}
