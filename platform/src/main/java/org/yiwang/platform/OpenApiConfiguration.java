package org.yiwang.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
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
    static final String PROBLEM = "Problem";

    OpenApiConfiguration() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class).addAnnotationsToIgnore(AuthenticationPrincipal.class);
    }

    @Bean
    OpenAPI yiwangOpenApi(@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        return new OpenAPI()
                .info(new Info().title("yiwang (一网) API").version("v1")
                        .description("一网通办 and the data foundation. Department systems call with X-Api-Key; page"
                                + " scripts with the session cookie and, for writes, the page's CSRF token"
                                + " (X-CSRF-TOKEN). Errors are RFC 9457 application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(API_KEY_HEADER)
                                .description("a department system's API key, created by a system administrator"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name(sessionCookie)
                                .description("the session after signing in at /login"))
                        .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(CSRF_HEADER)
                                .description("the CSRF token of the page (<meta name=\"_csrf\">), needed with the"
                                        + " session for anything but a read")));
    }

    /**
     * An API key, or the session (with the CSRF token unless the method is safe), unless the operation says otherwise;
     * and the problem responses every operation can give.
     */
    @Bean
    GlobalOpenApiCustomizer securityOfEveryOperation() {
        return openApi -> {
            if (openApi.getPaths() == null) return;
            openApi.getComponents().addSchemas(PROBLEM, problem());
            openApi.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                if (operation.getSecurity() == null) operation.setSecurity(requirements(method));
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                problem(responses, "400", "a broken rule, naming the field and the rule");
                problem(responses, "404", "not found");
                if (!operation.getSecurity().isEmpty()) {
                    problem(responses, "401", "not signed in, or the API key is unknown");
                    problem(responses, "403", "not allowed, or refused by the sharing rules (with the reason)");
                }
                operation.setResponses(responses);
            }));
        };
    }

    /** Every error is an RFC 9457 problem; ours name the field and the rule, or the reason of a refusal. */
    private static Schema<?> problem() {
        return typed("object").description("RFC 9457 problem details")
                .addProperty("type", typed("string")).addProperty("title", typed("string"))
                .addProperty("status", typed("integer")).addProperty("detail", typed("string"))
                .addProperty("instance", typed("string"))
                .addProperty("field", typed("string").description("the field (or element) that broke a rule"))
                .addProperty("rule", typed("string").description("the rule it broke, e.g. check-digit, required"))
                .addProperty("reason", typed("string").description("why a read was refused, e.g. NEGATIVE_LIST"))
                .addProperty("errors", typed("array").description("every broken rule of a refused command")
                        .items(typed("object").addProperty("field", typed("string")).addProperty("rule", typed("string"))
                                .addProperty("detail", typed("string"))));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) return;
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** A schema of one type, for either OpenAPI version the document is written in. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<Object> typed(String type) {
        Schema schema = new Schema<>().type(type);
        schema.types(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    static List<SecurityRequirement> requirements(PathItem.HttpMethod method) {
        boolean safe = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                || method == PathItem.HttpMethod.OPTIONS;
        SecurityRequirement session = new SecurityRequirement().addList(SESSION);
        return List.of(new SecurityRequirement().addList(API_KEY), safe ? session : session.addList(CSRF));
    }
}
