package com.example.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The department system as yiwang and an officer meet it: over HTTP, with a stub of yiwang's results API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:department-test;DB_CLOSE_DELAY=-1",
        "department.connector=TEST-DEPT",
        "department.secret=test-secret",
        "department.api-key=test-api-key",
        "department.codes.XB=M,F",
        "department.license-fields.XKFW=许可范围",
        "department.officer.password=" + Yiwang.PASSWORD})
class DepartmentSystemTest {

    private static final YiwangStub yiwangResults = YiwangStub.start();

    @DynamicPropertySource
    static void yiwangUrl(DynamicPropertyRegistry registry) {
        registry.add("department.yiwang-url", yiwangResults::url);
    }

    @AfterAll
    static void stopStub() {
        yiwangResults.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.core.env.Environment environment;
    Yiwang yiwang;

    @BeforeEach
    void connect() {
        yiwang = new Yiwang("http://localhost:" + port, "TEST-DEPT", "test-secret").asOfficer();
    }

    @Test
    void onlyItsOfficerSeesThePagesAndTheApi() {
        Yiwang stranger = new Yiwang("http://localhost:" + port, "TEST-DEPT", "test-secret");
        int callsBefore = yiwangResults.pending();
        String key = Yiwang.newKey();
        // the signed webhook needs no login: the signature is yiwang's credential
        assertThat(stranger.deliver(key, Yiwang.applicationPart(key, "part-30", "{\"QYMC\":\"丑\"}")).statusCode())
                .isEqualTo(200);

        HttpResponse<String> page = stranger.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(stranger.get("/api/received").statusCode()).isEqualTo(401);
        assertThat(stranger.postJson("/api/received/" + key + "/result", "{\"status\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(401);
        assertThat(stranger.withCredentials(Yiwang.USER, "wrong").get("/api/received").statusCode()).isEqualTo(401);
        assertThat(stranger.login(Yiwang.USER, "wrong").headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        assertThat(stranger.get("/login?error").body()).contains("用户名或密码错误");
        assertThat(yiwangResults.pending()).as("nothing was posted to yiwang").isEqualTo(callsBefore);
    }

    @Test
    void listensOnThisMachineOnlyUnlessConfiguredOtherwise() {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void yiwangsRefusalIsShownAsAnErrorInTheOfficersLanguage() throws Exception {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "unmapped-1", "{\"QYMC\":\"寅\"}"));

        yiwang.submit("/", "/received/" + key + "/result", "status=APPROVED&license.XKZH=WS-2026-001");

        yiwangResults.nextCall();
        String page = yiwang.get("/").body();
        assertThat(page).contains("class=\"flash error\"", "证照字段 XKZH 不在本连接的映射中")
                .doesNotContain("class=\"flash\" role=\"status\"", "{&quot;", "unmapped-license-field");
    }

    @Test
    void aPartDecidedInYiwangIsShownDecidedAndOffersNoAction() {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "part-31", "{\"QYMC\":\"卯\"}"));
        String notice = Yiwang.newKey();
        assertThat(yiwang.deliver(notice, Yiwang.status(notice, "part-31", "APPROVED")).statusCode()).isEqualTo(200);

        String page = yiwang.get("/").body();
        assertThat(page).contains("一网状态:准予许可(已在一网办结,无需再办理)")
                .doesNotContain("/received/" + key + "/result");
        JsonNode stored = read(yiwang.get("/api/received/" + notice));
        assertThat(stored.path("type").asString()).isEqualTo("application.status");
        assertThat(stored.path("status").asString()).isEqualTo("APPROVED");
        // the same notice again is acknowledged and stored once
        assertThat(read(yiwang.deliver(notice, Yiwang.status(notice, "part-31", "APPROVED"))).path("duplicate")
                .asBoolean()).isTrue();
    }

    @Test
    void actingOnAPartDecidedInYiwangGetsAClearMessageNotJson() throws Exception {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "decided-1", "{\"QYMC\":\"辰\"}"));

        yiwang.submit("/", "/received/" + key + "/result", "status=ACCEPTED");

        yiwangResults.nextCall();
        String page = yiwang.get("/").body();
        assertThat(page).contains("class=\"flash error\"", "该办件在一网已由其他途径(自动审批或审批工作台)办理,不能再「受理」")
                .doesNotContain("HTTP 409", "{&quot;");
    }

    @Test
    void storesASignedDeliveryWithEachFieldUnderItsOwnName() {
        String key = Yiwang.newKey();
        HttpResponse<String> answer = yiwang.deliver(key, Yiwang.applicationPart(key, "part-1",
                "{\"QYMC\":\"上海某某旅馆有限公司\",\"XB\":\"F\",\"KFS\":20}"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(read(answer).path("received").asString()).isEqualTo(key);
        JsonNode stored = read(yiwang.get("/api/received/" + key));
        assertThat(stored.path("type").asString()).isEqualTo("application.part");
        assertThat(stored.path("partId").asString()).isEqualTo("part-1");
        assertThat(stored.path("reference").asString()).isEqualTo("YW202611220001-2");
        assertThat(stored.path("item").asString()).isEqualTo("GGCSWS-BG");
        assertThat(stored.path("data").path("QYMC").asString()).isEqualTo("上海某某旅馆有限公司");
        assertThat(stored.path("data").path("XB").asString()).isEqualTo("F");
        assertThat(stored.path("data").path("KFS").isNumber()).as("a number stays a number").isTrue();
        assertThat(stored.path("data").path("KFS").asInt()).isEqualTo(20);
    }

    @Test
    void listsNewestFirstAndKeepsSubjectChanges() {
        String first = Yiwang.newKey();
        yiwang.deliver(first, Yiwang.applicationPart(first, "part-2", "{\"QYMC\":\"甲\"}"));
        String change = Yiwang.newKey();
        assertThat(yiwang.deliver(change, """
                {"schemaVersion":1,"id":"%s","type":"subject.change","connector":"TEST-DEPT",
                 "subscription":"BARBER-SCOPE","changed":["JYFW"],"data":{"TYSHXYDM":"91350100M000100Y43","JYFW":"美发"}}"""
                .formatted(change)).statusCode()).isEqualTo(200);

        JsonNode list = read(yiwang.get("/api/received"));
        assertThat(list.get(0).path("key").asString()).isEqualTo(change);
        assertThat(list.get(1).path("key").asString()).isEqualTo(first);
        assertThat(list.get(0).path("subscription").asString()).isEqualTo("BARBER-SCOPE");
        assertThat(list.get(0).path("changed").get(0).asString()).isEqualTo("JYFW");
        assertThat(list.get(0).path("data").path("JYFW").asString()).isEqualTo("美发");
    }

    @Test
    void refusesABadSignatureAndStoresNothing() {
        long rejectedBefore = stats().path("rejected").asLong();
        String key = Yiwang.newKey();
        String body = Yiwang.applicationPart(key, "part-3", "{\"QYMC\":\"乙\"}");
        long now = Instant.now().getEpochSecond();
        String signedWithAnotherSecret = new ExchangeSignature("not-the-secret").sign(now, body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> answer = yiwang.deliver(key, body, now, signedWithAnotherSecret);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(read(answer).path("field").asString()).isEqualTo("X-Yiwang-Signature");
        assertThat(yiwang.get("/api/received/" + key).statusCode()).isEqualTo(404);
        assertThat(stats().path("rejected").asLong()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String key = Yiwang.newKey();
        long now = Instant.now().getEpochSecond();
        String signature = yiwang.sign(now, Yiwang.applicationPart(key, "part-4", "{\"QYMC\":\"丙\"}"));

        HttpResponse<String> answer = yiwang.deliver(key, Yiwang.applicationPart(key, "part-4", "{\"QYMC\":\"丁\"}"),
                now, signature);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(yiwang.get("/api/received/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesAStaleTimestampEvenWhenSignedCorrectly() {
        String key = Yiwang.newKey();
        String body = Yiwang.applicationPart(key, "part-5", "{\"QYMC\":\"戊\"}");
        long sixMinutesAgo = Instant.now().getEpochSecond() - 301;

        HttpResponse<String> answer = yiwang.deliver(key, body, sixMinutesAgo, yiwang.sign(sixMinutesAgo, body));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(read(answer).path("field").asString()).isEqualTo("X-Yiwang-Timestamp");
        assertThat(yiwang.get("/api/received/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedAndStoredOnce() {
        long duplicatesBefore = stats().path("duplicates").asLong();
        long receivedBefore = stats().path("received").asLong();
        String key = Yiwang.newKey();
        String body = Yiwang.applicationPart(key, "part-6", "{\"QYMC\":\"己\",\"XB\":\"M\"}");

        assertThat(read(yiwang.deliver(key, body)).path("received").asString()).isEqualTo(key);
        HttpResponse<String> repeat = yiwang.deliver(key, body);

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(read(repeat).path("duplicate").asBoolean()).isTrue();
        assertThat(keysReceived()).containsOnlyOnce(key);
        assertThat(read(yiwang.get("/api/received/" + key)).path("data").size()).isEqualTo(2);
        assertThat(stats().path("duplicates").asLong()).isEqualTo(duplicatesBefore + 1);
        assertThat(stats().path("received").asLong()).isEqualTo(receivedBefore + 1);
    }

    @Test
    void copiesArrivingAtTheSameMomentAreStoredOnce() throws Exception {
        String key = Yiwang.newKey();
        String body = Yiwang.applicationPart(key, "part-7", "{\"QYMC\":\"庚\",\"XB\":\"F\",\"KFS\":3}");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            copies.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return yiwang.deliver(key, body);
            }));
        }
        start.countDown();

        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> copy : copies) {
            HttpResponse<String> answer = copy.get();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            answers.add(read(answer));
        }
        assertThat(answers).filteredOn(a -> key.equals(a.path("received").asString())).hasSize(1);
        assertThat(answers).filteredOn(a -> a.path("duplicate").asBoolean()).hasSize(3);
        assertThat(keysReceived()).containsOnlyOnce(key);
        assertThat(read(yiwang.get("/api/received/" + key)).path("data").size()).isEqualTo(3);
    }

    @Test
    void refusesACodeItDoesNotKnowNamingTheField() {
        String key = Yiwang.newKey();

        HttpResponse<String> answer = yiwang.deliver(key, Yiwang.applicationPart(key, "part-8",
                "{\"QYMC\":\"辛\",\"XB\":\"1\"}"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(answer);
        assertThat(problem.path("field").asString()).isEqualTo("XB");
        assertThat(problem.path("rule").asString()).isEqualTo("code-table");
        assertThat(problem.path("detail").asString()).contains("M, F").doesNotContain("\"1\"");
        assertThat(yiwang.get("/api/received/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void refusesADeliveryWhoseIdIsNotItsIdempotencyKey() {
        String key = Yiwang.newKey();

        HttpResponse<String> answer = yiwang.deliver(key, Yiwang.applicationPart(Yiwang.newKey(), "part-9", "{}"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(read(answer).path("field").asString()).isEqualTo("id");
        assertThat(yiwang.get("/api/received/" + key).statusCode()).isEqualTo(404);
    }

    @Test
    void sendsASignedResultToYiwangAndShowsTheAnswer() throws Exception {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "part-10", "{\"QYMC\":\"壬\",\"JYDZ\":\"徐汇区某路1号\"}"));
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> answer = yiwang.postJson("/api/received/" + key + "/result", """
                {"status":"RETURNED","reason":"经营地址与房产证不一致","questioned":["JYDZ"]}""");

        YiwangStub.Call call = yiwangResults.nextCall();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/exchange/results");
        assertThat(call.header("X-Api-Key")).isEqualTo("test-api-key");
        assertThat(call.header("X-Yiwang-Connector")).isEqualTo("TEST-DEPT");
        long timestamp = Long.parseLong(call.header("X-Yiwang-Timestamp"));
        assertThat(timestamp).isBetween(before, Instant.now().getEpochSecond());
        assertThat(new ExchangeSignature("test-secret").verifies(call.header("X-Yiwang-Signature"), timestamp, call.body()))
                .as("the signature verifies over the raw body").isTrue();
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("resultId").asString()).matches("[0-9a-f-]{36}");
        assertThat(sent.path("partId").asString()).isEqualTo("part-10");
        assertThat(sent.path("status").asString()).isEqualTo("RETURNED");
        assertThat(sent.path("reason").asString()).isEqualTo("经营地址与房产证不一致");
        assertThat(sent.path("questioned").get(0).asString()).isEqualTo("JYDZ");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode relayed = read(answer);
        assertThat(relayed.path("status").asInt()).isEqualTo(200);
        assertThat(relayed.path("body").path("status").asString()).isEqualTo("RETURNED");
        assertThat(relayed.path("resultId").asString()).isEqualTo(sent.path("resultId").asString());
        JsonNode kept = read(yiwang.get("/api/received/" + key + "/results")).get(0);
        assertThat(kept.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(kept.path("answer").asString()).contains("RETURNED");
    }

    @Test
    void anOfficerApprovesOnThePageWithTheLicenseFields() throws Exception {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "part-11", "{\"QYMC\":\"上海癸旅馆有限公司\",\"XB\":\"M\"}"));

        String page = yiwang.get("/").body();
        assertThat(page).contains("上海癸旅馆有限公司", "QYMC", "受理", "退回补正", "准予许可", "不予许可", "许可范围",
                "/received/" + key + "/result");

        HttpResponse<String> posted = yiwang.submit("/", "/received/" + key + "/result",
                "status=APPROVED&license.XKFW=" + URLEncoder.encode("住宿", StandardCharsets.UTF_8));

        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode sent = json.readTree(yiwangResults.nextCall().body());
        assertThat(sent.path("status").asString()).isEqualTo("APPROVED");
        assertThat(sent.path("license").path("XKFW").asString()).isEqualTo("住宿");
        assertThat(yiwang.get("/").body()).contains("class=\"flash\" role=\"status\"", "一网已确认,办件状态为「准予许可」");
    }

    @Test
    void thePageSpeaksEnglishOnRequest() {
        String key = Yiwang.newKey();
        yiwang.deliver(key, Yiwang.applicationPart(key, "part-12", "{\"QYMC\":\"子\"}"));

        assertThat(yiwang.get("/?lang=en").body()).contains("Return for correction", "Approve", "Received");
    }

    private JsonNode stats() {
        return read(yiwang.get("/api/stats"));
    }

    private List<String> keysReceived() {
        List<String> keys = new ArrayList<>();
        read(yiwang.get("/api/received")).forEach(r -> keys.add(r.path("key").asString()));
        return keys;
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
