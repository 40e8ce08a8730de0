package com.example.department;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays yiwang's side towards the department system in tests: builds, signs and posts deliveries. */
final class Yiwang {

    /** The officer account the tests configure: {@code department.officer.password=}{@value #PASSWORD}. */
    static final String USER = "officer";
    static final String PASSWORD = "test-officer-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    // its own cookies: the officer's session after login()
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).build();
    private final String baseUrl;
    private final String connector;
    private final ExchangeSignature signature;
    private String basic;

    Yiwang(String baseUrl, String connector, String secret) {
        this.baseUrl = baseUrl;
        this.connector = connector;
        this.signature = new ExchangeSignature(secret);
    }

    /** Calls the JSON API with the officer's credentials (HTTP Basic) from now on. */
    Yiwang withCredentials(String user, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The test officer: credentials for the API and a logged-in session for the pages. */
    Yiwang asOfficer() {
        withCredentials(USER, PASSWORD);
        HttpResponse<String> login = login(USER, PASSWORD);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login failed: " + login.statusCode() + " " + login.headers().map());
        }
        return this;
    }

    /** Logs in through the login form, as a browser would. */
    HttpResponse<String> login(String user, String password) {
        String token = csrf(get("/login").body());
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password)
                        + "&_csrf=" + encode(token), StandardCharsets.UTF_8)));
    }

    /** Submits a form of a page, with the CSRF token the page carries. */
    HttpResponse<String> submit(String page, String action, String form) {
        return postForm(action, form + "&_csrf=" + encode(csrf(get(page).body())));
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("the page carries no CSRF token");
        }
        return token.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
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

    /** An application.status delivery: the part's status in yiwang changed by another route. */
    static String status(String key, String partId, String status) {
        return """
                {"schemaVersion":1,"id":"%s","type":"application.status","connector":"TEST-DEPT","mappingVersion":2,
                 "occurredAt":"2026-11-22T09:40:00+08:00","partId":"%s","status":"%s"}""".formatted(key, partId, status);
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
        if (basic != null && request.build().uri().getPath().startsWith("/api/")) {
            request.header("Authorization", basic);
        }
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
