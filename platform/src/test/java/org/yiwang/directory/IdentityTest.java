package org.yiwang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.TestTotp;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.Fact;
import org.yiwang.basedata.Facts;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.Role;

/** Passwords, the administrators' second factor, resident account binding, headers and the metrics endpoint. */
@IntegrationTest
class IdentityTest {

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired Facts facts;
    @Autowired PersonalData personalData;
    @Autowired FieldCipher cipher;

    private static final Actor SYSADMIN_A = new Actor("sysadmin-a", Role.SYSTEM_ADMIN, "310000-DSJ", null, null, Set.of());
    private static final Actor SYSADMIN_B = new Actor("sysadmin-b", Role.SYSTEM_ADMIN, "310000-DSJ", null, null, Set.of());

    private static RequestPostProcessor as(Actor actor) {
        return user(new ActorPrincipal(actor, "", true));
    }

    private static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(String username, String password) {
        return """
                {"username":"%s","password":"%s","displayName":"测试","role":"WINDOW_CLERK","departmentCode":"310104-ZWFW"}"""
                .formatted(username, password);
    }

    @Test
    void weakPasswordsAreRefusedNamingThePasswordAndNothingIsWritten() throws Exception {
        String username = unique("pw");
        for (String[] c : new String[][] {{"short-1", "password-length"}, {"qwerty123456", "password-common"},
                {"woaini1314", "password-common"}, {username, "password-username"}}) {
            mvc.perform(post("/api/v1/users").with(as(SYSADMIN_A)).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content(json(username, c[0])))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value("password"))
                    .andExpect(jsonPath("$.rule").value(c[1]));
            assertThat(users.find(username)).as(c[0]).isEmpty();
        }
        // the page shows the message beside the field, in Chinese
        mvc.perform(post("/directory/users").with(as(SYSADMIN_A)).with(csrf())
                        .param("username", username).param("password", "password123").param("displayName", "窗口")
                        .param("role", "WINDOW_CLERK").param("departmentCode", "310104-ZWFW"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("class=\"field-error\" data-field=\"password\"")))
                .andExpect(content().string(containsString("该密码过于常见")));
        assertThat(users.find(username)).isEmpty();

        // a password change goes through the same policy
        users.create(new NewUser(username, "correct-horse-1", "测试", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of()));
        String hash = jdbc.sql("SELECT password_hash FROM directory_user WHERE username = ?").param(username)
                .query(String.class).single();
        mvc.perform(post("/api/v1/users/{u}/password", username).with(as(SYSADMIN_A)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"1234567890\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("password-common"));
        assertThat(jdbc.sql("SELECT password_hash FROM directory_user WHERE username = ?").param(username)
                .query(String.class).single()).isEqualTo(hash);
        mvc.perform(post("/api/v1/users/{u}/password", username).with(as(SYSADMIN_A)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"another-horse-2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(post("/login").param("username", username).param("password", "another-horse-2").with(csrf())
                        .with(from("10.0.9.1")))
                .andExpect(redirectedUrl("/"));
    }

    /** A data administrator signs in with password, then enrols and gives a code; the same code is refused after. */
    @Test
    void anAdministratorNeedsATotpCodeAfterThePasswordAndACodeWorksOnlyOnce() throws Exception {
        String username = unique("da");
        users.create(new NewUser(username, "correct-horse-1", "数据管理员", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of()));

        MockHttpSession session = signIn(username, "10.0.9.2");
        // the password alone opens nothing: every page asks for the code
        mvc.perform(get("/catalog/elements").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/login/totp")));
        mvc.perform(get("/api/v1/departments").session(session)).andExpect(status().isForbidden());
        String page = mvc.perform(get("/login/totp").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("首次登录")))
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("data-secret=\"([A-Z2-7]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        // stored encrypted, never in clear
        byte[] stored = jdbc.sql("SELECT totp_secret_cipher FROM directory_user WHERE username = ?").param(username)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(cipher.decrypt(stored)).isEqualTo(secret);

        mvc.perform(post("/login/totp").session(session).param("code", "000000").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("验证码错误")));
        String code = TestTotp.code(secret, TestTotp.currentStep());
        MockHttpSession full = (MockHttpSession) mvc.perform(post("/login/totp").session(session).param("code", code)
                        .with(csrf()).with(from("10.0.9.2")))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
        mvc.perform(get("/catalog/elements").session(full)).andExpect(status().isOk());

        // a second sign-in with the same code (replayed) is refused; the secret is not shown again
        MockHttpSession again = signIn(username, "10.0.9.2");
        mvc.perform(get("/login/totp").session(again))
                .andExpect(content().string(not(containsString("data-secret"))));
        mvc.perform(post("/login/totp").session(again).param("code", code).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/catalog/elements").session(again)).andExpect(status().is3xxRedirection());
    }

    @Test
    void staffOtherThanAdministratorsNeedNoSecondFactor() throws Exception {
        MockHttpSession session = signIn("clerk", "10.0.9.3");
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/login/totp").session(session)).andExpect(redirectedUrl("/login"));
    }

    private MockHttpSession signIn(String username, String ip) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").param("username", username)
                        .param("password", username.equals("clerk") ? DirectorySecurityTest.DEMO_PASSWORD : "correct-horse-1")
                        .with(csrf()).with(from(ip)))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession();
    }

    @Test
    void aSystemAdministratorsBindingWithoutASecondAdministratorDoesNotMakeTheAccountThatPerson() throws Exception {
        String citizenId = TestSubjects.citizenId();
        facts.write(new Actor("ga-officer", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of()),
                SubjectRef.person(citizenId), List.of(new Fact("person.name", "钱多多"),
                        new Fact("person.gender", CitizenId.parse(citizenId).genderCode()),
                        new Fact("person.birth_date", CitizenId.parse(citizenId).birthDate().toString()),
                        new Fact("person.division", "310104014")),
                Attribution.of("310104-GA", Method.AUTHORITATIVE, "PERSON_REGISTRY", "household registration"));
        String username = unique("res");
        mvc.perform(post("/api/v1/users").with(as(SYSADMIN_A)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","password":"correct-horse-1","displayName":"钱多多","role":"RESIDENT",
                                 "citizenId":"%s"}""".formatted(username, citizenId)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.citizenIdMasked").doesNotExist());

        Actor account = users.actor(username).orElseThrow();
        assertThat(account.citizenId()).isNull();
        assertThatThrownBy(() -> personalData.dossier(account, SubjectRef.person(citizenId), "SELF_SERVICE"))
                .isInstanceOf(AccessDeniedProblem.class);
        // the resident's own page says the account waits for approval instead of failing
        mvc.perform(get("/me/data").with(as(account)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未与本人身份绑定")));
        String key = cipher.blindIndexHex(citizenId);
        assertThat(jdbc.sql("SELECT actor_username || ' ' || reason FROM audit_record WHERE subject_key = ? AND purpose = 'ACCOUNT_BINDING'")
                .param(key).query(String.class).list()).containsExactly("sysadmin-a BINDING_REQUESTED");

        // the same administrator cannot approve it
        mvc.perform(post("/api/v1/users/{u}/binding/approval", username).with(as(SYSADMIN_A)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value("four-eyes"));
        assertThat(users.actor(username).orElseThrow().citizenId()).isNull();

        // a second administrator does, on the users page
        mvc.perform(get("/directory/users").with(as(SYSADMIN_B)))
                .andExpect(content().string(containsString("data-binding=\"" + username + "\"")));
        mvc.perform(post("/directory/users/{u}/binding/approve", username).with(as(SYSADMIN_B)).with(csrf()))
                .andExpect(redirectedUrl("/directory/users"));
        assertThat(users.actor(username).orElseThrow().citizenId()).isEqualTo(CitizenId.parse(citizenId));
        assertThat(personalData.dossier(users.actor(username).orElseThrow(), SubjectRef.person(citizenId), "SELF_SERVICE")
                .current().value("person.name")).isEqualTo("钱多多");
        assertThat(jdbc.sql("SELECT actor_username || ' ' || reason FROM audit_record WHERE subject_key = ? AND purpose = 'ACCOUNT_BINDING' ORDER BY id")
                .param(key).query(String.class).list())
                .containsExactly("sysadmin-a BINDING_REQUESTED", "sysadmin-b BINDING_APPROVED");
    }

    @Test
    void pagesSendAContentSecurityPolicyAReferrerPolicyAndNoSniffing() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-eval"))))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        String csp = mvc.perform(get("/").with(as(SYSADMIN_A))).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void prometheusAnswersOnlyTheMonitoringAccountAndHealthStaysOpen() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(as(SYSADMIN_A))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("monitoring", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("monitoring", "test-monitoring-secret")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void theSessionCookieIsSecureInThePostgresProfile() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-postgres.yml"));
        assertThat(yaml.getObject().getProperty("server.servlet.session.cookie.secure")).isEqualTo("${YIWANG_SECURE_COOKIE:true}");
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject().getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
    }
}
