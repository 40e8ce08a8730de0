package org.yiwang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.directory.ApiClients;
import org.yiwang.kernel.Role;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's view of {@code /v3/api-docs}: the document validates, says what a client really sends (no
 * {@code actor} parameter, the security schemes, multipart uploads), and a client built from it alone reads base data
 * and applies for a licence over HTTP with an API key.
 */
@IntegrationTest
class OpenApiClientTest {

    /** The smallest well-formed PDF: a floor plan as a window clerk would scan it. */
    private static final byte[] PDF = """
            %PDF-1.4
            1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
            2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
            3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj
            trailer<</Root 1 0 R>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort int port;
    @Autowired ApiClients apiClients;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JsonMapper json;

    private OpenAPI api;

    @BeforeEach
    void document() throws Exception {
        HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server().resolve("/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(docs.statusCode()).isEqualTo(200);
        // kept for a look (or a generator) after the run
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), docs.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.body(), null, options);
        assertThat(parsed.getMessages()).as("the document validates").isEmpty();
        api = parsed.getOpenAPI();
        assertThat(api).isNotNull();
    }

    @Test
    void theDocumentDescribesWhatAClientSendsNeverTheActor() {
        assertThat(api.getPaths()).isNotEmpty();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            // (the audit search has a text filter named actor: the username searched for, not the caller)
            assertThat(op.getParameters() == null ? List.of() : op.getParameters())
                    .as("%s %s", method, path).noneMatch(p -> p.getName().equalsIgnoreCase("actor") && !isText(p.getSchema()));
            assertThat(op.getSecurity()).as("%s %s says how to authenticate", method, path).isNotNull();
        }));
        assertThat(api.getComponents().getSchemas()).doesNotContainKey("Actor");
        assertThat(api.getPaths().get("/api/v1/subjects/read").getPost().getParameters()).isNullOrEmpty();

        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertThat(schemes.get("apiKey").getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(schemes.get("apiKey").getName()).isEqualTo(ApiClients.HEADER);
        assertThat(schemes.get("session").getIn()).isEqualTo(SecurityScheme.In.COOKIE);
        assertThat(schemes.get("csrf").getName()).isEqualTo("X-CSRF-TOKEN");
        // a write through the session needs the page's CSRF token, a read does not; a department system needs its key
        Operation read = api.getPaths().get("/api/v1/subjects/read").getPost();
        assertThat(read.getSecurity()).anyMatch(r -> r.keySet().equals(java.util.Set.of("apiKey")))
                .anyMatch(r -> r.keySet().equals(java.util.Set.of("session", "csrf")));
        assertThat(api.getPaths().get("/api/v1/applications").getGet().getSecurity())
                .anyMatch(r -> r.keySet().equals(java.util.Set.of("session")));
        // the public verification needs nothing
        assertThat(api.getPaths().get("/api/v1/licenses/{id}/verification").getGet().getSecurity()).isEmpty();

        // an import is a multipart upload with the file as binary
        Operation upload = api.getPaths().get("/api/v1/imports").getPost();
        Schema<?> form = upload.getRequestBody().getContent().get("multipart/form-data").getSchema();
        assertThat(form.getProperties().get("file").getFormat()).isEqualTo("binary");

        // the read and apply paths carry summaries and examples
        assertThat(read.getSummary()).isNotBlank();
        assertThat(read.getRequestBody().getContent().get("application/json").getExamples()).isNotEmpty();
        Operation submit = api.getPaths().get("/api/v1/applications").getPost();
        assertThat(submit.getSummary()).isNotBlank();
        assertThat(submit.getRequestBody().getContent().get("application/json").getExamples()).isNotEmpty();
    }

    @Test
    void aDepartmentSystemReadsThroughTheGeneratedClient() throws Exception {
        var hotel = new ServiceFixtures(facts, licenses).hotel();
        String key = apiClients.create("openapi-read-" + UUID.randomUUID().toString().substring(0, 8), "310000-DSJ");
        OpenApiClient client = new OpenApiClient(api, server(), Map.of("apiKey", key), json);

        OpenApiClient.Answer answer = client.call("readSubject", Map.of(), Map.of("type", "PERSON", "key", hotel.legalRep(),
                "elements", List.of("person.name", "person.health_condition"), "purpose", "DATA_GOVERNANCE", "partial", true));

        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        JsonNode name = answer.body().at("/values/person.name");
        assertThat(name.get("element").asString()).isEqualTo("person.name");
        assertThat(name.get("value").asString()).isNotBlank();
        assertThat(name.at("/provenance/sourceDepartment").asString()).isNotBlank();
        assertThat(answer.body().at("/denied/person.health_condition").asString()).isNotBlank();

        // a refused read answers the documented problem, naming the element
        OpenApiClient.Answer refused = client.call("readSubject", Map.of(), Map.of("type", "PERSON", "key", hotel.legalRep(),
                "elements", List.of("person.health_condition"), "purpose", "DATA_GOVERNANCE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("field").asString()).isEqualTo("person.health_condition");
    }

    @Test
    void aWindowSystemAppliesThroughTheGeneratedClient() throws Exception {
        var hotel = new ServiceFixtures(facts, licenses).hotel();
        String key = apiClients.create("openapi-window-" + UUID.randomUUID().toString().substring(0, 8), "310104-ZWFW",
                Role.WINDOW_CLERK, null);
        OpenApiClient client = new OpenApiClient(api, server(), Map.of("apiKey", key), json);

        OpenApiClient.Answer form = client.call("prefillForm", Map.of(),
                Map.of("kind", "ITEM", "code", "BARBER_HYGIENE", "applicant", hotel.creditCode()));
        assertThat(form.status()).as("%s", form.body()).isEqualTo(200);
        assertThat(form.body().get("fields")).anySatisfy(f -> {
            assertThat(f.get("element").asString()).isEqualTo("entity.name");
            assertThat(f.get("value").asString()).isEqualTo("上海徐汇衡山宾馆有限公司");
        });
        // what the base lacks is typed; what no licence covers is uploaded
        Map<String, String> values = new HashMap<>();
        Map<String, String> typed = Map.of("entity.premises_area", "85.5", "entity.employees", "6");
        for (JsonNode f : form.body().get("fields")) {
            String element = f.get("element").asString();
            if (f.get("value").isNull() && f.get("required").asBoolean()) {
                assertThat(typed).as("a value for %s", element).containsKey(element);
                values.put(element, typed.get(element));
            }
        }
        List<Map<String, String>> uploads = new java.util.ArrayList<>();
        for (JsonNode m : form.body().get("materials")) {
            if (m.get("upload").asBoolean() && m.get("required").asBoolean()) {
                uploads.add(Map.of("material", m.get("key").asString(), "fileName", "平面布局图.pdf",
                        "contentType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(PDF)));
            }
        }
        assertThat(uploads).extracting(u -> u.get("material")).contains("BARBER_HYGIENE.FLOOR_PLAN");

        OpenApiClient.Answer created = client.call("submitApplication", Map.of(), Map.of("kind", "ITEM",
                "code", "BARBER_HYGIENE", "applicant", hotel.creditCode(), "values", values, "uploads", uploads,
                "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.body().get("reference").asString()).isNotBlank();

        OpenApiClient.Answer application = client.call("getApplication",
                Map.of("id", created.body().get("id").asString()), null);
        assertThat(application.status()).isEqualTo(200);
        assertThat(application.body().get("parts")).singleElement()
                .satisfies(p -> assertThat(p.get("department").asString()).isEqualTo("310104-WJW"));
    }

    private static boolean isText(Schema<?> schema) {
        return schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string"));
    }

    private URI server() {
        return URI.create("http://localhost:" + port);
    }
}
