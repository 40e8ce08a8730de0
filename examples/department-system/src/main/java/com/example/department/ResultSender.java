package com.example.department;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an officer's decision to yiwang ({@code POST <yiwang>/api/v1/exchange/results}), signed per the contract,
 * and keeps what was sent and what yiwang answered. No retry: the officer (or the test) sees the answer and decides.
 */
@Component
class ResultSender {

    static final Set<String> STATUSES = Set.of("ACCEPTED", "RETURNED", "APPROVED", "REJECTED");
    private static final Logger log = LoggerFactory.getLogger(ResultSender.class);

    private final DepartmentProperties department;
    private final ExchangeSignature signature;
    private final JsonMapper json;
    private final SentResults results;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ResultSender(DepartmentProperties department, JsonMapper json, SentResults results) {
        this.department = department;
        this.signature = new ExchangeSignature(department.secret());
        this.json = json;
        this.results = results;
    }

    SentResult send(Received delivery, ResultRequest request) {
        check(delivery, request);
        String resultId = request.resultId() == null || request.resultId().isBlank()
                ? UUID.randomUUID().toString() : request.resultId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultId", resultId);
        body.put("partId", delivery.partId());
        body.put("status", request.status());
        if (request.reason() != null && !request.reason().isBlank()) {
            body.put("reason", request.reason());
        }
        if (!request.questioned().isEmpty()) {
            body.put("questioned", request.questioned());
        }
        if (!request.license().isEmpty()) {
            body.put("license", request.license());
        }
        byte[] bytes = json.writeValueAsBytes(body);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest post = HttpRequest.newBuilder(department.resultsEndpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json, application/problem+json")
                // yiwang explains a refusal in the officer's language
                .header("Accept-Language", LocaleContextHolder.getLocale().toLanguageTag())
                .header("X-Api-Key", department.apiKey() == null ? "" : department.apiKey())
                .header("X-Yiwang-Connector", department.connector())
                .header("X-Yiwang-Timestamp", Long.toString(timestamp))
                .header("X-Yiwang-Signature", signature.sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        Integer status;
        String answer;
        try {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            answer = response.body();
        } catch (IOException e) {
            status = null;
            answer = "yiwang unreachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = null;
            answer = "interrupted while sending";
        }
        log.info("result {} {} for part {} → {}", resultId, request.status(), delivery.partId(), status);
        SentResult sent = new SentResult(resultId, delivery.key(), delivery.partId(), request.status(),
                request.reason(), new String(bytes, StandardCharsets.UTF_8), Instant.now(), status, answer);
        results.record(sent);
        return sent;
    }

    private static void check(Received delivery, ResultRequest request) {
        if (!Delivery.APPLICATION_PART.equals(delivery.type())) {
            throw new Refusal(HttpStatus.CONFLICT, "type", "application-part",
                    "results are sent for application parts only, this is a " + delivery.type());
        }
        if (request.status() == null || !STATUSES.contains(request.status())) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "status", "one-of",
                    "status must be one of ACCEPTED, RETURNED, APPROVED, REJECTED");
        }
        if (request.reason() != null && request.reason().length() > 2000) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "reason", "max-length", "reason is longer than 2000 characters");
        }
        if (request.resultId() != null && request.resultId().length() > 64) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "resultId", "max-length", "resultId is longer than 64 characters");
        }
    }
}
