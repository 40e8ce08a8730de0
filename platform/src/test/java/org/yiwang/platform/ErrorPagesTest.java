package org.yiwang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;

/** A person on a page meets errors as Chinese pages with a way back; an API client keeps its problem responses. */
@IntegrationTest
class ErrorPagesTest {

    @Autowired MockMvc mvc;
    @LocalServerPort int port;

    @Test
    void aPageThatRefusesInputShowsTheRuleInChineseWithItsStatusAndAWayBack() throws Exception {
        mvc.perform(get("/public/test-errors/invalid").accept(MediaType.TEXT_HTML)
                        .header("Referer", "http://localhost/services?q=1").with(user("clerk").roles("WINDOW_CLERK")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(allOf(containsString("输入有误"), containsString("字段值的类型或格式不对"),
                        containsString("href=\"/services?q=1\""), containsString("返回上一页"), containsString("返回首页"),
                        // inside the layout, with the user's name and the menu bar
                        containsString("clerk"), containsString("class=\"menu\""))));
    }

    @Test
    void deniedMissingAndConflictingPagesKeepTheirStatusAndExplainInChinese() throws Exception {
        mvc.perform(get("/public/test-errors/denied").with(user("clerk").roles("WINDOW_CLERK")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("无权访问"), containsString("该数据元在负面清单中"))));
        mvc.perform(get("/public/test-errors/not-found").with(user("clerk").roles("WINDOW_CLERK")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("页面不存在"), containsString("未知事项 NOPE"))));
        mvc.perform(get("/public/test-errors/conflict").with(user("clerk").roles("WINDOW_CLERK")))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("操作冲突"), containsString("同一主体正被同时创建"))));
    }

    @Test
    void theErrorPageSpeaksEnglishWhenThePersonChoseEnglish() throws Exception {
        mvc.perform(get("/public/test-errors/not-found").param("lang", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Page not found"), containsString("Back to the home page"))));
    }

    @Test
    void anApiClientStillGetsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/no-such-resource").with(user("admin").roles("SYSTEM_ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // a client asking for JSON gets the problem even from a page address
        mvc.perform(get("/public/test-errors/invalid").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("subject")).andExpect(jsonPath("$.rule").value("type"));
        mvc.perform(get("/public/test-errors/not-found").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("item"))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void anUnknownAddressAFailureAndATooLargeUploadAreChinesePagesNeverWhitelabel() throws Exception {
        HttpResponse<String> unknown = html("/public/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("页面不存在", "返回首页").doesNotContain("Whitelabel", "\"status\"");

        HttpResponse<String> failure = html("/public/test-errors/boom");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("系统出错了", "返回首页")
                .doesNotContain("Whitelabel", "secret internal detail", "IllegalStateException");

        HttpResponse<String> tooLarge = html("/public/test-errors/too-large");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("文件过大", "文件超过大小上限");

        HttpResponse<String> json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/public/no-such-page"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    private HttpResponse<String> html(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
    }
}
