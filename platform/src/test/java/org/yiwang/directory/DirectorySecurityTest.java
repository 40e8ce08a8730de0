package org.yiwang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.IntegrationTest;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;

/** Login, lock-out, CSRF, API keys and problem answers for unauthenticated or forbidden API calls. */
@IntegrationTest
class DirectorySecurityTest {

    static final String DEMO_PASSWORD = "yiwang2026";

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired ApiClients apiClients;
    @Autowired JdbcClient jdbc;

    /** Each test logs in from its own address so that the per-IP lock of one test never touches another. */
    private static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String ip) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(ip));
    }

    static RequestPostProcessor as(Role role, String department) {
        return user(new ActorPrincipal(new Actor("t-" + role.name().toLowerCase(), role, department, null, null, Set.of()),
                "", true));
    }

    @Test
    void loginPageIsInChinese() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登录一网")))
                .andExpect(content().string(containsString("用户名")))
                .andExpect(content().string(containsString("密码")));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("用户名或密码错误")));
        mvc.perform(get("/login").param("locked", "40"))
                .andExpect(content().string(containsString("尝试次数过多,请 40 秒后再试")));
        mvc.perform(get("/login").param("locked", "<b>"))
                .andExpect(content().string(containsString("请 900 秒后再试")));
    }

    @Test
    void publicPathsNeedNoSignIn() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/divisions/{code}/children")));
        mvc.perform(get("/css/yiwang.css")).andExpect(status().isOk());
        mvc.perform(get("/public/nothing-here")).andExpect(status().isNotFound());
        mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
    }

    @Test
    void pagesRedirectToTheLoginPage() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void demoAccountSignsInAndWrongPasswordFails() throws Exception {
        mvc.perform(login("clerk", DEMO_PASSWORD, "10.0.1.1"))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername("clerk").withRoles("WINDOW_CLERK"));
        mvc.perform(post("/logout").with(as(Role.WINDOW_CLERK, "310104-ZWFW")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
        mvc.perform(login("clerk", "wrong-password", "10.0.1.1"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void failuresFromOneAddressDelayThatAddressButNotTheSameUserElsewhereAndAnUnlockClearsIt() throws Exception {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(username, "correct-horse", "锁定测试", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of()));
        mvc.perform(login(username, "correct-horse", "10.0.2.1")).andExpect(authenticated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(login(username, "wrong-" + i, "10.0.2.1")).andExpect(redirectedUrl("/login?error"));
        }
        // address A waits, even with the right password, and is told how long
        String locked = mvc.perform(login(username, "correct-horse", "10.0.2.1"))
                .andExpect(unauthenticated()).andReturn().getResponse().getRedirectedUrl();
        assertThat(locked).matches("/login\\?locked=([1-9]|[12][0-9]|30)");
        // the real user at address B is not slowed by the attacker at A
        mvc.perform(login(username, "correct-horse", "10.0.2.2")).andExpect(authenticated());
        assertThat(jdbc.sql("SELECT outcome FROM directory_login_attempt WHERE username = ? ORDER BY id")
                .param(username).query(String.class).list())
                .containsExactly("SUCCESS", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKED", "SUCCESS");

        // a sixth failure at A doubles the wait
        jdbc.sql("UPDATE directory_login_throttle SET blocked_until = now() WHERE username = ?").param(username).update();
        mvc.perform(login(username, "wrong-again", "10.0.2.1")).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("""
                SELECT extract(epoch FROM blocked_until - last_failure_at) FROM directory_login_throttle
                WHERE username = ? AND client_ip = '10.0.2.1'""").param(username).query(Double.class).single())
                .isBetween(59.0, 61.0);

        // a system administrator unlocks: A signs in again
        mvc.perform(post("/api/v1/users/{u}/unlock", username).with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(login(username, "correct-horse", "10.0.2.1")).andExpect(authenticated());
        mvc.perform(post("/api/v1/users/{u}/unlock", username).with(as(Role.WINDOW_CLERK, "310104-ZWFW")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddress() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(login("nobody" + i, "guess", "10.0.3.1")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("officer", DEMO_PASSWORD, "10.0.3.1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/login?locked=*"));
        mvc.perform(login("officer", DEMO_PASSWORD, "10.0.3.2")).andExpect(authenticated());
    }

    @Test
    void postingAPageFormWithoutCsrfTokenIsForbidden() throws Exception {
        String username = "nocsrf" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/directory/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ"))
                        .param("username", username).param("password", "correct-horse-1").param("displayName", "x")
                        .param("role", "WINDOW_CLERK").param("departmentCode", "310104-ZWFW"))
                .andExpect(status().isForbidden());
        assertThat(users.find(username)).isEmpty();
        mvc.perform(post("/login").param("username", "clerk").param("password", DEMO_PASSWORD).with(from("10.0.4.1")))
                .andExpect(status().isForbidden());
    }

    @Test
    void apiWithoutAuthenticationAnswers401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/departments"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.reason").value("unauthenticated"));
    }

    @Test
    void apiKeyAuthenticatesADepartmentSystemAndAWrongKeyIsRefused() throws Exception {
        String name = "scjg-" + UUID.randomUUID();
        String key = apiClients.create(name, "310104-SCJG");
        mvc.perform(get("/api/v1/departments").header(ApiClients.HEADER, key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '310104-SCJG')].name").value("徐汇区市场监督管理局"));
        mvc.perform(get("/api/v1/departments").header(ApiClients.HEADER, key + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("invalid-api-key"));
        // a department officer's key may not manage users
        mvc.perform(get("/api/v1/users").header(ApiClients.HEADER, key))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("access-denied"));
        apiClients.disable(name);
        mvc.perform(get("/api/v1/departments").header(ApiClients.HEADER, key)).andExpect(status().isUnauthorized());
        // only a hash of the key is at rest
        assertThat(jdbc.sql("SELECT key_hash FROM directory_api_client WHERE name = ?").param(name)
                .query(String.class).single()).hasSize(64).isNotEqualTo(key).doesNotContain(key.substring(3));
    }

    @Test
    void keyAuthenticatedPostsNeedNoCsrfTokenButASessionWithABogusKeyGetsNothing() throws Exception {
        String admin = "sys-" + UUID.randomUUID();
        String key = apiClients.create(admin, "310000-DSJ", Role.SYSTEM_ADMIN, null);
        String victim = "victim-" + UUID.randomUUID();
        apiClients.create(victim, "310104-SCJG");
        mvc.perform(post("/api/v1/api-clients/{name}/disable", victim).header(ApiClients.HEADER, key))
                .andExpect(status().isOk());
        assertThat(apiClients.list()).filteredOn(c -> c.name().equals(victim)).singleElement()
                .extracting(ApiClient::enabled).isEqualTo(false);
        // a signed-in browser session cannot skip CSRF by adding a made-up key
        String other = "other-" + UUID.randomUUID();
        apiClients.create(other, "310104-SCJG");
        mvc.perform(post("/api/v1/api-clients/{name}/disable", other).header(ApiClients.HEADER, "yw_made-up")
                        .with(as(Role.SYSTEM_ADMIN, "310000-DSJ")))
                .andExpect(status().isUnauthorized());
        assertThat(apiClients.list()).filteredOn(c -> c.name().equals(other)).singleElement()
                .extracting(ApiClient::enabled).isEqualTo(true);
    }

    @Test
    void systemAdminCreatesAnApiClientOverRestAndSeesTheKeyOnce() throws Exception {
        String name = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        String body = mvc.perform(post("/api/v1/api-clients").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"departmentCode\":\"310104-WJW\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value(org.hamcrest.Matchers.startsWith("yw_")))
                .andReturn().getResponse().getContentAsString();
        String key = body.replaceAll(".*\"key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/divisions/310104").header(ApiClients.HEADER, key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("徐汇区"));
        mvc.perform(get("/api/v1/api-clients").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].role").value("DEPARTMENT_OFFICER"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(key))));
        mvc.perform(post("/api/v1/api-clients").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "-2\",\"departmentCode\":\"NOPE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departmentCode"))
                .andExpect(jsonPath("$.rule").value("known-department"));
        assertThat(apiClients.list()).noneMatch(c -> c.name().equals(name + "-2"));
    }

    @Test
    void apiClientsPageShowsANewKeyOnceAndItWorks() throws Exception {
        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        String html = mvc.perform(post("/directory/api-clients").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")).with(csrf())
                        .param("name", name).param("departmentCode", "310104-GA").param("role", "DEPARTMENT_OFFICER")
                        .param("scopeDivision", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法再次查看")))
                .andReturn().getResponse().getContentAsString();
        String key = html.replaceAll("(?s).*<code class=\"api-key\"[^>]*>([^<]+)</code>.*", "$1");
        mvc.perform(get("/api/v1/departments").header(ApiClients.HEADER, key)).andExpect(status().isOk());
        mvc.perform(get("/directory/api-clients").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(key))));
    }

    @Test
    void usersPageIsForbiddenForAResident() throws Exception {
        mvc.perform(get("/directory/users").with(as(Role.RESIDENT, null))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").with(as(Role.RESIDENT, null)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("access-denied"));
        mvc.perform(get("/directory/users").with(as(Role.SYSTEM_ADMIN, "310000-DSJ")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户管理")))
                .andExpect(content().string(containsString("徐家汇街道网格员")));
    }
}
