package org.yiwang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client generated at run time from the OpenAPI document, as an integrator's generator would: an operation is
 * found by its {@code operationId}; its path, method, parameters, request body schema and security come from the
 * document only. A call that the document does not describe (an unknown or missing parameter, a body property the
 * schema lacks, a missing required one, an undocumented answer) fails the test.
 */
final class OpenApiClient {

    record Answer(int status, String contentType, JsonNode body) {}

    private record Found(String path, PathItem.HttpMethod method, Operation operation) {}

    private final OpenAPI api;
    private final URI server;
    private final Map<String, String> credentials;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param credentials the value to send for each security scheme the caller holds, by scheme name */
    OpenApiClient(OpenAPI api, URI server, Map<String, String> credentials, JsonMapper json) {
        this.api = api;
        this.server = server;
        this.credentials = Map.copyOf(credentials);
        this.json = json;
    }

    Answer call(String operationId, Map<String, String> parameters, Object body) throws IOException, InterruptedException {
        Found found = find(operationId);
        Operation operation = found.operation();
        List<Parameter> declared = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (String name : parameters.keySet()) {
            assertThat(declared).as("%s declares parameter %s", operationId, name).anyMatch(p -> p.getName().equals(name));
        }
        String path = found.path();
        List<String> query = new ArrayList<>();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60));
        for (Parameter p : declared) {
            String value = parameters.get(p.getName());
            if (value == null) {
                assertThat(Boolean.TRUE.equals(p.getRequired())).as("%s: required parameter %s", operationId, p.getName())
                        .isFalse();
                continue;
            }
            switch (p.getIn()) {
                case "path" -> path = path.replace("{" + p.getName() + "}", encode(value));
                case "query" -> query.add(encode(p.getName()) + "=" + encode(value));
                case "header" -> request.header(p.getName(), value);
                default -> throw new AssertionError("parameter in " + p.getIn());
            }
        }
        assertThat(path).as("every path parameter of %s given", operationId).doesNotContain("{");
        authenticate(operationId, operation, request);

        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (operation.getRequestBody() != null) {
            Map.Entry<String, MediaType> content = operation.getRequestBody().getContent().entrySet().iterator().next();
            assertThat(content.getKey()).as("%s takes JSON", operationId).isEqualTo("application/json");
            JsonNode tree = json.valueToTree(body);
            conforms(operationId + " body", tree, content.getValue().getSchema(), true);
            request.header("Content-Type", content.getKey());
            publisher = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(tree));
        } else {
            assertThat(body).as("%s takes no body", operationId).isNull();
        }
        URI uri = server.resolve(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        HttpResponse<String> response = http.send(request.uri(uri).method(found.method().name(), publisher).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        String status = String.valueOf(response.statusCode());
        assertThat(operation.getResponses()).as("%s documents the answer %s", operationId, status)
                .containsKey(operation.getResponses().containsKey(status) ? status : "default");
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode answer = response.body().isEmpty() ? null : json.readTree(response.body());
        if (response.statusCode() / 100 == 2 && answer != null) {
            MediaType documented = operation.getResponses().get(status).getContent().values().iterator().next();
            conforms(operationId + " answer", answer, documented.getSchema(), false);
        }
        return new Answer(response.statusCode(), type, answer);
    }

    /** The first of the operation's alternatives the caller holds every credential of, sent where the scheme says. */
    private void authenticate(String operationId, Operation operation, HttpRequest.Builder request) {
        List<SecurityRequirement> alternatives = operation.getSecurity() == null ? api.getSecurity() : operation.getSecurity();
        if (alternatives == null || alternatives.isEmpty()) return;
        SecurityRequirement usable = alternatives.stream().filter(r -> credentials.keySet().containsAll(r.keySet()))
                .findFirst().orElseThrow(() -> new AssertionError(operationId + " accepts " + alternatives
                        + ", none of which the caller holds (" + credentials.keySet() + ")"));
        List<String> cookies = new ArrayList<>();
        for (String name : usable.keySet()) {
            SecurityScheme scheme = api.getComponents().getSecuritySchemes().get(name);
            assertThat(scheme).as("security scheme %s", name).isNotNull();
            assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
            switch (scheme.getIn()) {
                case HEADER -> request.header(scheme.getName(), credentials.get(name));
                case COOKIE -> cookies.add(scheme.getName() + "=" + credentials.get(name));
                default -> throw new AssertionError("credential in " + scheme.getIn());
            }
        }
        if (!cookies.isEmpty()) request.header("Cookie", String.join("; ", cookies));
    }

    /**
     * The value fits the schema: an object has the required properties and (for what the client sends) only
     * declared ones, enums hold declared values, arrays and maps fit their item schemas.
     */
    private void conforms(String where, JsonNode value, Schema<?> schema, boolean strict) {
        schema = resolve(schema);
        if (value == null || value.isNull() || schema == null) return;
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<String> allowed = schema.getEnum().stream().map(String::valueOf).toList();
            assertThat(allowed).as("%s: enum", where).contains(value.asString());
        }
        if (value.isObject() && schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            if (schema.getRequired() != null) {
                for (String required : schema.getRequired()) {
                    assertThat(value.has(required)).as("%s: required property %s", where, required).isTrue();
                }
            }
            for (var entry : value.properties()) {
                Schema<?> property = properties.get(entry.getKey());
                if (strict) assertThat(property).as("%s: property %s is in the schema", where, entry.getKey()).isNotNull();
                if (property != null) conforms(where + "." + entry.getKey(), entry.getValue(), property, strict);
            }
        } else if (value.isObject() && schema.getAdditionalProperties() instanceof Schema<?> values) {
            for (var entry : value.properties()) conforms(where + "." + entry.getKey(), entry.getValue(), values, strict);
        } else if (value.isArray() && schema.getItems() != null) {
            for (int i = 0; i < value.size(); i++) conforms(where + "[" + i + "]", value.get(i), schema.getItems(), strict);
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        while (schema != null && schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            schema = api.getComponents().getSchemas().get(name);
            assertThat(schema).as("schema %s", name).isNotNull();
        }
        return schema;
    }

    private Found find(String operationId) {
        List<Found> found = api.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().entrySet().stream()
                        .filter(op -> operationId.equals(op.getValue().getOperationId()))
                        .map(op -> new Found(path.getKey(), op.getKey(), op.getValue())))
                .collect(Collectors.toList());
        assertThat(found).as("operation %s", operationId).hasSize(1);
        return found.get(0);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
