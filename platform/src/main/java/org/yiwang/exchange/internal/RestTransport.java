package org.yiwang.exchange.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import tools.jackson.databind.json.JsonMapper;

/** JSON POST, signed; a 2xx answer acknowledges the delivery. */
@Component
class RestTransport implements Transport {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Duration timeout;

    RestTransport(JsonMapper json, ExchangeProperties properties) {
        this.json = json;
        this.timeout = properties.requestTimeout();
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.REST;
    }

    @Override
    public CompletableFuture<Void> send(Connector connector, String secret, Message message) {
        byte[] body = json.writeValueAsBytes(message);
        long timestamp = Instant.now().getEpochSecond();
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
                        String answer = response.body() == null ? "" : response.body();
                        throw new DeliveryFailure("HTTP " + response.statusCode() + " "
                                + answer.substring(0, Math.min(200, answer.length())), false);
                    }
                    return null;
                });
    }
}
