package org.yiwang.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.yiwang.kernel.Actor;

/**
 * The OpenAPI document at {@code /v3/api-docs} describes what a client really sends. The acting user is the
 * principal of the request, never a parameter: {@link Actor} (resolved from the session or the API key) and
 * {@code @AuthenticationPrincipal} parameters are left out. Every operation names how a client authenticates: a
 * department system with its {@code X-Api-Key}, a page's script with the session cookie (and, for anything but a
 * read, the CSRF token of the page in {@code X-CSRF-TOKEN}); operations that declare their own requirement
 * ({@code @SecurityRequirements()} for the public verification) keep it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY = "apiKey";
    static final String SESSION = "session";
    static final String CSRF = "csrf";
    /** The header the directory authenticates department systems by ({@code ApiClients.HEADER}). */
    static final String API_KEY_HEADER = "X-Api-Key";
    /** Spring Security's default CSRF header, which the pages' scripts send. */
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    OpenApiConfiguration() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class).addAnnotationsToIgnore(AuthenticationPrincipal.class);
    }

    @Bean
    OpenAPI yiwangOpenApi(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        return new OpenAPI()
                .info(new Info().title("yiwang (一网) API").version("v1")
                        .description("一网通办与数据底座的接口。部门系统用 X-Api-Key 调用;页面脚本用会话 Cookie,"
                                + "写操作另带页面的 CSRF 令牌(X-CSRF-TOKEN)。错误为 RFC 9457 application/problem+json。"
                                + " Department systems call with X-Api-Key; page scripts with the session cookie and,"
                                + " for writes, the page's CSRF token. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(API_KEY_HEADER)
                                .description("部门系统的接口密钥(系统管理员在组织与权限中创建)/ a department system's API key"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(sessionCookie)
                                .description("登录后的会话 / the session after signing in at /login"))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(CSRF_HEADER)
                                .description("页面 <meta name=\"_csrf\"> 中的令牌,会话调用的写操作需要 / the page's CSRF"
                                        + " token, needed with the session for anything but a read")));
    }

    /** An API key, or the session (with the CSRF token unless the method is safe), unless the operation says otherwise. */
    @Bean
    GlobalOpenApiCustomizer securityOfEveryOperation() {
        return openApi -> {
            if (openApi.getPaths() == null) return;
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                if (operation.getSecurity() == null) operation.setSecurity(requirements(method));
            }));
        };
    }

    static List<SecurityRequirement> requirements(PathItem.HttpMethod method) {
        boolean safe = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                || method == PathItem.HttpMethod.OPTIONS;
        SecurityRequirement session = new SecurityRequirement().addList(SESSION);
        return List.of(new SecurityRequirement().addList(API_KEY), safe ? session : session.addList(CSRF));
    }
}
