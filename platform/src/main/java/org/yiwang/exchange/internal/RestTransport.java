package org.yiwang.exchange.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON POST, signed; a 2xx answer acknowledges the delivery. */
@Component
class RestTransport implements Transport {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Duration timeout;

    private final Clock clock;

    RestTransport(JsonMapper json, ExchangeProperties properties, Clock clock) {
        this.clock = clock;
        this.json = json;
        this.timeout = properties.requestTimeout();
    }

    /**
     * The field and rule of a problem answer, which say what to fix; not its text, which may quote the values we
     * sent (personal data, kept out of the outbox and the logs).
     */
    private String problem(String body) {
        try {
            JsonNode problem = json.readTree(body == null ? "" : body);
            String field = problem.path("field").asString("");
            String rule = problem.path("rule").asString("");
            return field.isEmpty() && rule.isEmpty() ? "" : " field=" + field + " rule=" + rule;
        } catch (JacksonException e) {
            return "";
        }
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.REST;
    }

    @Override
    public CompletableFuture<Void> send(Connector connector, String secret, Message message) {
        byte[] body = json.writeValueAsBytes(message);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(connector.endpoint())).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(Signatures.IDEMPOTENCY_KEY, message.id().toString())
                .header(Signatures.CONNECTOR, connector.code())
                .header(Signatures.TIMESTAMP, Long.toString(timestamp))
                .header(Signatures.SIGNATURE, Signatures.sign(secret == null ? "" : secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null) throw new DeliveryFailure("unreachable", error);
                    if (response.statusCode() / 100 != 2) {
                        throw new DeliveryFailure("HTTP " + response.statusCode() + problem(response.body()), false);
                    }
                    return null;
                });
    }
}
