package org.yiwang.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.demo.DemoExchange;
import org.yiwang.directory.ActorPrincipal;
import com.example.department.LegacyDatabase;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import org.yiwang.services.ServiceFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios of MISSION.md against the sample department systems: each department's own system receives its
 * slice in its own names and codes, and its results drive the application — no one types anything twice.
 */
@IntegrationTest
class ExchangeScenariosTest {

    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    @Autowired DemoExchange demo;
    @LocalServerPort int port;
    ServiceFixtures fixtures;
    DepartmentSystems systems;

    @BeforeEach
    void systems() {
        fixtures = new ServiceFixtures(facts, licenses);
        systems = DepartmentSystems.start(port, demo);
    }

    @Test
    void hotelChangeReachesTwoRestSystemsALegacyDatabaseAndTheWorkbenchAndTheirResultsIssueFourLicenses() throws Exception {
        var hotel = fixtures.hotel();
        String id = submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", hotel.creditCode(),
                Map.of("entity.employees", "35", "entity.security_officer", "孙建国",
                        "entity.name", ServiceFixtures.NEW_HOTEL_NAME));
        Map<String, String> parts = partsByDepartment(hotel.enterpriseUser(), id);

        // commerce: its own field names, its business code, its number format — and nothing it does not need
        JsonNode liquor = awaitReceived(DemoExchange.COMMERCE, parts.get("310104-SW"));
        assertThat(liquor.get("item").asString()).isEqualTo("SW-JLLS-BG");
        assertThat(names(liquor.get("data"))).containsExactlyInAnyOrder("QYMC", "TYSHXYDM", "JYDZ", "JYCS", "FDDBR",
                "FDDBRSFZH", "LXDH", "JYMJ", "JLPZ", "BGSX", "BGQNR", "BGHNR");
        // the change stated: what changes, before and after; the new name where the name goes
        assertThat(liquor.get("data").get("QYMC").asString()).isEqualTo(ServiceFixtures.NEW_HOTEL_NAME);
        assertThat(liquor.get("data").get("BGSX").asString()).isEqualTo("名称");
        assertThat(liquor.get("data").get("BGQNR").asString()).isEqualTo("名称：上海徐汇衡山宾馆有限公司");
        assertThat(liquor.get("data").get("BGHNR").asString()).isEqualTo("名称：" + ServiceFixtures.NEW_HOTEL_NAME);
        assertThat(liquor.get("data").get("JYCS").asString()).isEqualTo("上海市徐汇区衡山路8号1-3层");
        assertThat(liquor.get("data").get("TYSHXYDM").asString()).isEqualTo(hotel.creditCode());
        assertThat(liquor.get("data").get("JYMJ").asString()).isEqualTo("1200.50");
        // health: the employees the applicant typed once, no liquor, no security officer
        JsonNode hygiene = awaitReceived(DemoExchange.HEALTH, parts.get("310104-WJW"));
        assertThat(hygiene.get("data").get("CYRYS").asString()).isEqualTo("35");
        assertThat(hygiene.get("data").get("KFS").asString()).isEqualTo("48");
        assertThat(names(hygiene.get("data"))).doesNotContain("JLPZ", "ZBFZR").contains("BGSX", "BGQNR", "BGHNR");
        // police: a row in its legacy table, the security officer typed once
        Map<String, Object> row = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc(systems).sql(
                "SELECT * FROM T_TZHY_SQ WHERE SQBH = ?").param(parts.get("310104-GA")).query().listOfRows(),
                rows -> rows.size() == 1).get(0);
        assertThat(row).containsEntry("DWMC", ServiceFixtures.NEW_HOTEL_NAME).containsEntry("ZBFZR", "孙建国")
                .containsEntry("SXBM", "TZHY-LG-BG").containsEntry("BGSX", "名称")
                .containsEntry("BGHNR", "名称：" + ServiceFixtures.NEW_HOTEL_NAME)
                // the hotel's premises and the company's registered address are two facts, in two columns
                .containsEntry("JYDZ", "上海市徐汇区衡山路8号1-3层").containsEntry("ZS", "上海市徐汇区衡山路8号");
        assertThat(row.get("CWS").toString()).isEqualTo("80");
        // market regulation works on the built-in workbench: nothing delivered
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_delivery WHERE part_id = ?::uuid")
                .param(parts.get("310104-SCJG")).query(Long.class).single()).isZero();

        // results come back: two REST systems post signed results, the police officer's legacy software writes rows
        String liquorKey = liquor.get("key").asString();
        assertThat(systems.decide(DemoExchange.COMMERCE, liquorKey, Map.of("status", "ACCEPTED")).at("/body/status")
                .asString()).isEqualTo("ACCEPTED");
        JsonNode approved = systems.decide(DemoExchange.COMMERCE, liquorKey, Map.of("status", "APPROVED"));
        assertThat(approved.at("/body/status").asString()).isEqualTo("APPROVED");
        // the same result again takes no second effect and gets the same answer
        JsonNode again = systems.decide(DemoExchange.COMMERCE, liquorKey, Map.of("status", "APPROVED",
                "resultId", approved.get("resultId").asString()));
        assertThat(again.get("status").asInt()).isEqualTo(200);
        assertThat(again.at("/body/licenseId").asString()).isEqualTo(approved.at("/body/licenseId").asString());
        systems.decide(DemoExchange.HEALTH, hygiene.get("key").asString(), Map.of("status", "APPROVED"));
        String ywlsh = row.get("YWLSH").toString();
        LegacyDatabase.recordResult(systems.legacy(), ywlsh, parts.get("310104-GA"), LegacyDatabase.Status.ACCEPTED,
                "材料齐全", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> partStatus(parts.get("310104-GA")).equals("ACCEPTED"));
        LegacyDatabase.recordResult(systems.legacy(), ywlsh, parts.get("310104-GA"), LegacyDatabase.Status.APPROVED,
                "准予变更", "旅馆业");
        for (String action : List.of("ACCEPT", "APPROVE")) {
            mvc.perform(post("/api/v1/parts/" + parts.get("310104-SCJG") + "/decision")
                    .with(user(ServiceFixtures.officer("310104-SCJG"))).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"" + action + "\"}"))
                    .andExpect(status().isOk());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> application(hotel.enterpriseUser(), id).get("status")
                .asString().equals("COMPLETED"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_part WHERE application_id = ?::uuid AND status = 'APPROVED'"
                + " AND license_id IS NOT NULL").param(id).query(Long.class).single()).isEqualTo(4);
        List<License> held = licenses.heldBy(SubjectType.LEGAL_ENTITY, hotel.creditCode());
        for (String type : List.of("LIQUOR_RETAIL", "PUBLIC_HYGIENE", "SPECIAL_TRADE", "FOOD_BUSINESS")) {
            assertThat(held).filteredOn(l -> l.typeCode().equals(type) && l.status() == License.Status.VALID)
                    .hasSize(1).allMatch(l -> l.issuedOn().equals(LocalDate.now(clock)));
        }
        // the police's confirmation of the security officer is now its authoritative value
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_result WHERE part_id = ?::uuid AND status = 'APPROVED'")
                .param(parts.get("310104-GA")).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rideHailingCheckReachesTheBackOfficeInItsCodesAndIsDecidedAutomatically() throws Exception {
        var driver = fixtures.driver(false);
        String id = submit(driver.user(), "ITEM", "RIDE_HAILING", null, Map.of("person.vehicle_plate", "沪A" + digits(5),
                "person.ride_hailing_platform", "01"));
        String part = partsByDepartment(driver.user(), id).get("310104-JT");
        JsonNode received = awaitReceived(DemoExchange.TRANSPORT, part);
        assertThat(received.get("item").asString()).isEqualTo("WYC-JSY-HC");
        assertThat(received.get("data").get("XB").asString()).isEqualTo("M");
        assertThat(received.get("data").get("CSRQ").asString()).isEqualTo("19880618");
        assertThat(received.get("data").get("SFZH").asString()).isEqualTo(driver.citizenId());
        assertThat(received.get("data").get("FWPT").asString()).isEqualTo("01");
        await().atMost(Duration.ofSeconds(20)).until(() -> application(driver.user(), id).get("status").asString()
                .equals("COMPLETED"));
    }

    @Test
    void aBusinessScopeThatGainsBarberingReachesTheHealthCommissionWithoutAnyoneTypingItAgain() throws Exception {
        var barber = fixtures.hotel();
        var other = fixtures.hotel();
        long before = subscribed("WJW-BARBER-SCOPE");
        fixtures.write("310104-SCJG", org.yiwang.basedata.SubjectRef.legalEntity(other.creditCode()),
                Map.of("entity.business_scope", "住宿服务;餐饮服务"));
        assertThat(subscribed("WJW-BARBER-SCOPE")).as("a scope change without 理发 is not for health").isEqualTo(before);

        // the enterprise types its new scope once; market regulation approves it on its workbench
        String id = submit(barber.enterpriseUser(), "ITEM", "BUSINESS_SCOPE_CHANGE", barber.creditCode(),
                Map.of("entity.business_scope", "住宿服务;餐饮服务;酒类零售;理发服务"));
        String part = partsByDepartment(barber.enterpriseUser(), id).get("310104-SCJG");
        for (String action : List.of("ACCEPT", "APPROVE")) {
            mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer("310104-SCJG")))
                    .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"" + action + "\"}"))
                    .andExpect(status().isOk());
        }
        JsonNode change = await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(DemoExchange.HEALTH)
                .stream().filter(r -> "subject.change".equals(r.get("type").asString())
                        && barber.creditCode().equals(r.at("/data/TYSHXYDM").asString())).toList(),
                list -> !list.isEmpty()).get(0);
        assertThat(change.get("subscription").asString()).isEqualTo("WJW-BARBER-SCOPE");
        assertThat(change.get("changed").valueStream().map(JsonNode::asString)).containsExactly("JYFW");
        assertThat(change.at("/data/JYFW").asString()).contains("理发");
        assertThat(change.at("/data/QYMC").asString()).isEqualTo("上海徐汇衡山宾馆有限公司");
        assertThat(systems.received(DemoExchange.HEALTH)).filteredOn(r -> other.creditCode().equals(
                r.at("/data/TYSHXYDM").asString())).isEmpty();
    }

    @Test
    void aStreetOfficeReceivesTheChangesOfItsOwnResidentsAsFiles() throws Exception {
        var resident = fixtures.person("赵敏", "2", "1991-02-03", false);
        var elsewhere = fixtures.person("钱多", "1", "1985-07-09", false);
        fixtures.write("310104-GA", org.yiwang.basedata.SubjectRef.person(elsewhere.citizenId()),
                Map.of("person.division", "310104011"));
        long before = lastSeq();
        fixtures.write("310104-GA", org.yiwang.basedata.SubjectRef.person(elsewhere.citizenId()),
                Map.of("person.residence_address", "上海市徐汇区田林路" + digits(3) + "号"));
        assertThat(lastSeq()).as("a resident of another street is not Xujiahui's").isEqualTo(before);
        fixtures.write("310104-GA", org.yiwang.basedata.SubjectRef.person(resident.citizenId()),
                Map.of("person.residence_address", "上海市徐汇区漕溪北路" + digits(3) + "号"));
        String delivery = jdbc.sql("SELECT id::text FROM exchange_delivery WHERE seq > ? AND subscription = ?")
                .params(before, "JD-XUJIAHUI-RESIDENTS").query(String.class).single();
        java.nio.file.Path file = await().atMost(Duration.ofSeconds(20)).until(() -> files(systems.streetFolder())
                .stream().filter(f -> f.getFileName().toString().contains(delivery)).findFirst(),
                java.util.Optional::isPresent).get();
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertThat(lines.get(0)).endsWith("XM,LXDH,JZDZ").doesNotContain("SFZH");
        // the street's demand entries grant these values masked, and the file says which element changed
        assertThat(lines.get(1)).contains("JD-XUJIAHUI-RESIDENTS", "JZDZ", "赵*").doesNotContain(resident.citizenId(), "赵敏");
    }

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(max(seq), 0) FROM exchange_delivery").query(Long.class).single();
    }

    @Test
    void badOrUnsignedResultsAreRefusedAndChangeNothing() throws Exception {
        var hotel = fixtures.hotel();
        String id = submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", hotel.creditCode(),
                Map.of("entity.employees", "12", "entity.security_officer", "钱进",
                        "entity.name", ServiceFixtures.NEW_HOTEL_NAME));
        String part = partsByDepartment(hotel.enterpriseUser(), id).get("310104-WJW");
        awaitReceived(DemoExchange.HEALTH, part);
        String body = "{\"resultId\":\"" + UUID.randomUUID() + "\",\"partId\":\"" + part + "\",\"status\":\"APPROVED\"}";
        long now = java.time.Instant.now().getEpochSecond();
        // unsigned
        mvc.perform(post("/api/v1/exchange/results").header("X-Api-Key", DepartmentSystems.API_KEY + "." + DemoExchange.HEALTH)
                        .header("X-Yiwang-Connector", DemoExchange.HEALTH).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.field")
                        .value("X-Yiwang-Signature"));
        // signed with the wrong secret
        mvc.perform(post("/api/v1/exchange/results").header("X-Api-Key", DepartmentSystems.API_KEY + "." + DemoExchange.HEALTH)
                        .header("X-Yiwang-Connector", DemoExchange.HEALTH).header("X-Yiwang-Timestamp", now)
                        .header("X-Yiwang-Signature", sign("not-the-secret-at-all", now, body))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        // signed right, but the body was changed on the way
        mvc.perform(post("/api/v1/exchange/results").header("X-Api-Key", DepartmentSystems.API_KEY + "." + DemoExchange.HEALTH)
                        .header("X-Yiwang-Connector", DemoExchange.HEALTH).header("X-Yiwang-Timestamp", now)
                        .header("X-Yiwang-Signature", sign(DepartmentSystems.SECRET, now, body))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("APPROVED", "REJECTED")))
                .andExpect(status().isUnauthorized());
        // signed right, but too old: a replayed request
        long old = now - 3600;
        mvc.perform(post("/api/v1/exchange/results").header("X-Api-Key", DepartmentSystems.API_KEY + "." + DemoExchange.HEALTH)
                        .header("X-Yiwang-Connector", DemoExchange.HEALTH).header("X-Yiwang-Timestamp", old)
                        .header("X-Yiwang-Signature", sign(DepartmentSystems.SECRET, old, body))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        // no API key at all
        mvc.perform(post("/api/v1/exchange/results").header("X-Yiwang-Connector", DemoExchange.HEALTH)
                        .header("X-Yiwang-Timestamp", now).header("X-Yiwang-Signature", sign(DepartmentSystems.SECRET, now, body))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is4xxClientError());
        // another department's key with health's connector and secret
        mvc.perform(post("/api/v1/exchange/results").header("X-Api-Key", DepartmentSystems.API_KEY + "." + DemoExchange.COMMERCE)
                        .header("X-Yiwang-Connector", DemoExchange.HEALTH).header("X-Yiwang-Timestamp", now)
                        .header("X-Yiwang-Signature", sign(DepartmentSystems.SECRET, now, body))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(partStatus(part)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_result WHERE part_id = ?::uuid").param(part)
                .query(Long.class).single()).isZero();
        // a result naming a field the mapping does not know: a problem naming it, nothing changed
        JsonNode refused = systems.decide(DemoExchange.HEALTH, received(DemoExchange.HEALTH, part).get("key").asString(),
                Map.of("status", "RETURNED", "reason", "请补充", "questioned", List.of("NOPE")));
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.at("/body/field").asString()).isEqualTo("questioned");
        assertThat(partStatus(part)).isEqualTo("SUBMITTED");
        // and a good one, returning the part with its own field names mapped back to our elements
        JsonNode returned = systems.decide(DemoExchange.HEALTH, received(DemoExchange.HEALTH, part).get("key").asString(),
                Map.of("status", "RETURNED", "reason", "从业人员数与现场不符", "questioned", List.of("CYRYS")));
        assertThat(returned.at("/body/status").asString()).isEqualTo("RETURNED");
        assertThat(jdbc.sql("SELECT questioned FROM services_part WHERE id = ?::uuid").param(part).query(String.class)
                .single()).contains("entity.employees");
    }

    @Test
    void anOfficerWhoFillsTheApprovalFormTheObviousWayGetsItAccepted() throws Exception {
        var hotel = fixtures.hotel();
        String id = submit(hotel.enterpriseUser(), "ITEM", "HOTEL_HYGIENE_CHANGE", hotel.creditCode(),
                Map.of("entity.employees", "22", "entity.name", ServiceFixtures.NEW_HOTEL_NAME));
        String part = partsByDepartment(hotel.enterpriseUser(), id).get("310104-WJW");
        String key = awaitReceived(DemoExchange.HEALTH, part).get("key").asString();

        // a licence field the mapping does not know: refused naming it, in Chinese, nothing changed
        JsonNode refused = systems.decide(DemoExchange.HEALTH, key, Map.of("status", "APPROVED",
                "license", Map.of("XKBH", "x")));
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.at("/body/field").asString()).isEqualTo("license.XKBH");
        assertThat(refused.at("/body/rule").asString()).isEqualTo("unmapped-license-field");
        assertThat(refused.at("/body/errors/0/detail").asString()).contains("XKBH", "不在本连接的映射中");
        assertThat(partStatus(part)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_result WHERE part_id = ?::uuid").param(part)
                .query(Long.class).single()).isZero();

        // licence number, scope, valid until — as the sample system's form asks them
        JsonNode approved = systems.decide(DemoExchange.HEALTH, key, Map.of("status", "APPROVED", "license",
                Map.of("XKZH", "沪徐卫公字(2026)第0815号", "XKFW", "住宿;美容美发", "YXQZ", "2030-12-31")));
        assertThat(approved.get("status").asInt()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.at("/body/status").asString()).isEqualTo("APPROVED");
        License issued = licenses.require(approved.at("/body/licenseId").asString());
        assertThat(issued.fields()).containsEntry("hygiene_scope", "住宿;美容美发");
        // the department's own number and date are kept with its result
        JsonNode record = json.readTree(jdbc.sql("SELECT license_record::text FROM exchange_result WHERE part_id = ?::uuid")
                .param(part).query(String.class).single());
        assertThat(record.get("number").asString()).isEqualTo("沪徐卫公字(2026)第0815号");
        assertThat(record.get("valid_until").asString()).isEqualTo("2030-12-31");
        // the system decided it itself: it is not told of its own decision
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_delivery WHERE part_id = ?::uuid AND type = 'application.status'")
                .param(part).query(Long.class).single()).isZero();
    }

    @Test
    void aPartDecidedOnTheWorkbenchIsShownDecidedInTheDepartmentsSystemToo() throws Exception {
        var hotel = fixtures.hotel();
        String id = submit(hotel.enterpriseUser(), "ITEM", "HOTEL_HYGIENE_CHANGE", hotel.creditCode(),
                Map.of("entity.employees", "23", "entity.name", ServiceFixtures.NEW_HOTEL_NAME));
        String part = partsByDepartment(hotel.enterpriseUser(), id).get("310104-WJW");
        String key = awaitReceived(DemoExchange.HEALTH, part).get("key").asString();

        mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer("310104-WJW")))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"REJECT\",\"reason\":\"现场核查不符合卫生要求\"}"))
                .andExpect(status().isOk());

        // the system that received the part is told, signed and once
        JsonNode notice = await().atMost(Duration.ofSeconds(20)).until(() -> notices(DemoExchange.HEALTH, part),
                found -> !found.isEmpty()).get(0);
        assertThat(notice.get("status").asString()).isEqualTo("REJECTED");
        assertThat(notices(DemoExchange.HEALTH, part)).hasSize(1);
        // acting on it there now: yiwang's refusal says why, in words
        JsonNode late = systems.decide(DemoExchange.HEALTH, key, Map.of("status", "ACCEPTED"));
        assertThat(late.get("status").asInt()).isEqualTo(409);
        assertThat(late.at("/body/rule").asString()).isEqualTo("state");
        assertThat(partStatus(part)).isEqualTo("REJECTED");
    }

    // --- helpers ---

    private String submit(ActorPrincipal who, String kind, String code, String applicant, Map<String, String> values)
            throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("kind", kind, "code", code, "values", values,
                "idempotencyKey", UUID.randomUUID().toString()));
        if (applicant != null) body.put("applicant", applicant);
        var response = mvc.perform(post("/api/v1/applications").with(user(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString()).get("id").asString();
    }

    private JsonNode application(ActorPrincipal who, String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Map<String, String> partsByDepartment(ActorPrincipal who, String id) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        application(who, id).get("parts").forEach(p -> parts.put(p.get("department").asString(), p.get("id").asString()));
        return parts;
    }

    private String partStatus(String part) {
        return jdbc.sql("SELECT status FROM services_part WHERE id = ?::uuid").param(part).query(String.class).single();
    }

    private long subscribed(String subscription) {
        return jdbc.sql("SELECT count(*) FROM exchange_delivery WHERE subscription = ?").param(subscription)
                .query(Long.class).single();
    }

    private JsonNode awaitReceived(String connector, String part) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> received(connector, part), java.util.Objects::nonNull);
    }

    private JsonNode received(String connector, String part) {
        return systems.received(connector).stream().filter(r -> "application.part".equals(r.get("type").asString())
                && part.equals(r.get("partId").asString())).findFirst().orElse(null);
    }

    /** The status notices a system received for a part (decided in yiwang by another route), newest first. */
    private List<JsonNode> notices(String connector, String part) {
        return systems.received(connector).stream().filter(r -> "application.status".equals(r.get("type").asString())
                && part.equals(r.get("partId").asString())).toList();
    }

    private static JdbcClient jdbc(DepartmentSystems systems) {
        return JdbcClient.create(systems.legacy());
    }

    private static List<String> names(JsonNode object) {
        return object.propertyNames().stream().toList();
    }

    private static List<java.nio.file.Path> files(java.nio.file.Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) return List.of();
        try (var stream = java.nio.file.Files.list(folder)) {
            return stream.filter(p -> p.toString().endsWith(".csv")).toList();
        }
    }

    private static boolean contains(java.nio.file.Path file, String text) {
        try {
            return java.nio.file.Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String sign(String secret, long timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static String digits(int n) {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits())).substring(0, n);
    }
}
