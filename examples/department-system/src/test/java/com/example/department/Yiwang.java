package com.example.department;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Plays yiwang's side towards the department system in tests: builds, signs and posts deliveries. */
final class Yiwang {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String connector;
    private final ExchangeSignature signature;

    Yiwang(String baseUrl, String connector, String secret) {
        this.baseUrl = baseUrl;
        this.connector = connector;
        this.signature = new ExchangeSignature(secret);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** An application.part delivery body with the given data object (JSON text). */
    static String applicationPart(String key, String partId, String dataJson) {
        return """
                {"schemaVersion":1,"id":"%s","type":"application.part","connector":"TEST-DEPT","mappingVersion":2,
                 "occurredAt":"2026-11-22T01:40:00Z","partId":"%s","reference":"YW202611220001-2","item":"GGCSWS-BG",
                 "data":%s}""".formatted(key, partId, dataJson);
    }

    HttpResponse<String> deliver(String key, String body) {
        long now = Instant.now().getEpochSecond();
        return deliver(key, body, now, signature.sign(now, body.getBytes(StandardCharsets.UTF_8)));
    }

    HttpResponse<String> deliver(String key, String body, long timestamp, String signatureHeader) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/intake"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", key)
                .header("X-Yiwang-Connector", connector)
                .header("X-Yiwang-Timestamp", Long.toString(timestamp))
                .header("X-Yiwang-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    String sign(long timestamp, String body) {
        return signature.sign(timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
