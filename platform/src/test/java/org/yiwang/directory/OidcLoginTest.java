package org.yiwang.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.YiwangApplication;

/**
 * OpenID Connect login against a real OpenID provider (mock-oauth2-server, started here on a random port): a
 * second application node with the profile {@code oidc}, on the same database, driven through redirects by an
 * HTTP client as a browser would.
 */
@IntegrationTest
class OidcLoginTest {

    @Autowired DataSource dataSource;

    @Test
    void aPersonSignsInThroughTheProviderAsTheirDirectoryUserAndAStrangerIsRefusedWithAChinesePage() throws Exception {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(YiwangApplication.class)
                .profiles("test", "oidc")
                .properties(Map.of("spring.datasource.url", dataSource.unwrap(HikariDataSource.class).getJdbcUrl(),
                        "spring.datasource.username", dataSource.unwrap(HikariDataSource.class).getUsername(),
                        "spring.datasource.password", dataSource.unwrap(HikariDataSource.class).getPassword(),
                        "yiwang.demo.enabled", "false", "spring.main.banner-mode", "off"))
                // as a deployment sets it, above the profile's file
                .run("--server.port=0",
                        "--spring.security.oauth2.client.provider.oidc.issuer-uri=" + provider.issuerUrl("default"))) {
            String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");

            HttpClient browser = browser();
            assertThat(get(browser, base + "/login").body()).contains("使用统一身份认证登录");
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "u-1001", "JWT", List.of("yiwang"),
                    Map.of("preferred_username", "clerk", "name", "综合窗口受理员"), 3600));
            HttpResponse<String> signedIn = get(browser, base + "/oauth2/authorization/oidc");
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(signedIn.uri().getPath()).as(signedIn.uri().toString()).isEqualTo("/");
            // the session is the directory's clerk: the clerk's pages open, an administrator's do not
            assertThat(get(browser, base + "/api/v1/departments").statusCode()).isEqualTo(200);
            assertThat(get(browser, base + "/api/v1/users").statusCode()).isEqualTo(403);

            HttpClient stranger = browser();
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "u-9999", "JWT", List.of("yiwang"),
                    Map.of("preferred_username", "not-in-the-directory"), 3600));
            HttpResponse<String> refused = get(stranger, base + "/oauth2/authorization/oidc");
            assertThat(refused.uri().getPath()).isEqualTo("/login/oidc-unknown");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("该统一身份认证账号未在本系统开通");
            assertThat(get(stranger, base + "/api/v1/departments").statusCode()).isEqualTo(401);
        } finally {
            provider.shutdown();
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
