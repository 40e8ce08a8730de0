package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.License;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ride-hailing background check (decided automatically) and the house sale (two departments, one pass). */
@IntegrationTest
class RideHailingAndHouseSaleTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    ServiceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ServiceFixtures(facts, licenses);
    }

    @Test
    void aDriverWithACleanRecordIsApprovedAutomaticallyWithinSecondsAndNotified() throws Exception {
        var driver = fixtures.driver(false);
        JsonNode form = form(driver.user(), "ITEM", "RIDE_HAILING");
        // the one thing the base cannot know: which platform the driver will serve
        assertThat(HotelChangeTest.missing(form)).containsExactly("person.vehicle_plate", "person.ride_hailing_platform");
        Map<String, JsonNode> fields = HotelChangeTest.byKey(form.get("fields"), "element");
        assertThat(fields.get("person.driver_license_class").get("value").asString()).isEqualTo("C1");
        assertThat(fields.get("person.driver_license_class").get("locked").asBoolean()).isTrue();
        form.get("materials").forEach(m -> assertThat(m.get("license").isNull()).isFalse());

        String id = submit(driver.user(), "ITEM", "RIDE_HAILING", null, Map.of("person.vehicle_plate", "沪A12345", "person.ride_hailing_platform", "01"), null);
        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> application(driver.user(), id), a -> a.get("status").asString().equals("COMPLETED"));
        JsonNode part = done.get("parts").get(0);
        assertThat(part.get("timeline").get(1).get("note").asString()).startsWith("自动核查通过");
        License permit = licenses.require(part.get("licenseId").asString());
        assertThat(permit.typeCode()).isEqualTo("RIDE_HAILING_DRIVER");
        assertThat(permit.fields()).containsEntry("vehicle_plate", "沪A12345").containsEntry("name", "刘强");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/me/applications").with(user(driver.user())))
                        .andExpect(status().isOk())
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                                .string(org.hamcrest.Matchers.containsString("已准予许可"))));
        // the transport commission's look at the criminal record is in the driver's own usage list
        mvc.perform(get("/api/v1/me/data-usage").with(user(driver.user())))
                .andExpect(jsonPath("$.items[*].elements[*]", org.hamcrest.Matchers.hasItem("person.criminal_record")));
    }

    @Test
    void aWindowClerkAppliesOnBehalfOfADriverWhoGetsThePermitInHisName() throws Exception {
        var driver = fixtures.driver(false);
        JsonNode form = json.readTree(mvc.perform(post("/api/v1/forms").with(user(ServiceFixtures.clerk())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ITEM\",\"code\":\"RIDE_HAILING\",\"applicant\":\"" + driver.citizenId() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(form.get("applicant").asString()).isEqualTo("刘*");
        var body = Map.of("kind", "ITEM", "code", "RIDE_HAILING", "applicant", driver.citizenId(),
                "values", Map.of("person.vehicle_plate", "沪D22222", "person.ride_hailing_platform", "05"), "idempotencyKey", UUID.randomUUID().toString());
        String id = json.readTree(mvc.perform(post("/api/v1/applications").with(user(ServiceFixtures.clerk())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        // the driver follows it in his own account, and the permit carries his name in full
        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> application(driver.user(), id), a -> a.get("status").asString().equals("COMPLETED"));
        assertThat(licenses.require(done.get("parts").get(0).get("licenseId").asString()).holderName()).isEqualTo("刘强");
        mvc.perform(get("/api/v1/me/data-usage").with(user(driver.user())))
                .andExpect(jsonPath("$.items[*].purpose", org.hamcrest.Matchers.hasItem("WINDOW_SERVICE")));
    }

    @Test
    void aDriverWithARecordIsRejectedWithTheReason() throws Exception {
        var driver = fixtures.driver(true);
        String id = submit(driver.user(), "ITEM", "RIDE_HAILING", null, Map.of("person.vehicle_plate", "沪C11111", "person.ride_hailing_platform", "03"), null);
        JsonNode done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> application(driver.user(), id), a -> a.get("status").asString().equals("CLOSED"));
        assertThat(done.get("parts").get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(done.get("parts").get(0).get("reason").asString()).contains("违法犯罪记录");
        assertThat(licenses.heldBy(SubjectType.PERSON, driver.citizenId()))
                .noneMatch(l -> l.typeCode().equals("RIDE_HAILING_DRIVER"));
    }

    @Test
    void aHouseSaleIsOnePassForTheSellerAndTheBuyerGetsTheCertificate() throws Exception {
        var seller = fixtures.seller();
        var buyer = fixtures.person("钱进", "1", "1992-02-02", true);
        JsonNode form = form(seller.user(), "BUNDLE", "HOUSE_SALE");
        assertThat(form.get("house").asString()).isEqualTo(seller.houseCode());
        assertThat(HotelChangeTest.missing(form)).containsExactlyInAnyOrder("house.transfer_price", "house.buyer_name",
                "house.buyer_citizen_id");
        String id = submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), Map.of("house.transfer_price", "520.00",
                "house.buyer_name", "钱进", "house.buyer_citizen_id", buyer.citizenId()),
                Map.of("HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT", "contract.pdf"));
        JsonNode application = application(seller.user(), id);
        assertThat(application.get("uploads").asInt()).isEqualTo(1);
        assertThat(application.get("licensesUsed").asInt()).isGreaterThanOrEqualTo(4);
        Map<String, JsonNode> parts = HotelChangeTest.byKey(application.get("parts"), "department");
        assertThat(parts.keySet()).containsExactlyInAnyOrder("310104-FG", "310104-SWJ");
        approve("310104-SWJ", parts.get("310104-SWJ").get("id").asString(), Map.of("amount", "15600.00"));
        approve("310104-FG", parts.get("310104-FG").get("id").asString(), Map.of());
        assertThat(licenses.heldBy(SubjectType.PERSON, buyer.citizenId()))
                .anyMatch(l -> l.typeCode().equals("PROPERTY_CERT") && seller.houseCode().equals(l.fields().get("house_code")));
        assertThat(licenses.heldBy(SubjectType.PERSON, seller.citizenId()))
                .anyMatch(l -> l.typeCode().equals("TAX_PAYMENT_CERT"))
                // the seller's certificate gave way to the buyer's: never two valid certificates for one house
                .noneMatch(l -> l.typeCode().equals("PROPERTY_CERT"));
        assertThat(application(seller.user(), id).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aBuyerWhoAlreadyOwnsAHouseKeepsItsCertificateBesideTheNewOne() throws Exception {
        var seller = fixtures.seller();
        var buyer = fixtures.seller(); // owns a flat of her own, with its certificate
        String id = submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), Map.of("house.transfer_price",
                "480.00", "house.buyer_name", "赵敏", "house.buyer_citizen_id", buyer.citizenId()),
                Map.of("HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT", "contract.pdf"));
        Map<String, JsonNode> parts = HotelChangeTest.byKey(application(seller.user(), id).get("parts"), "department");
        approve("310104-SWJ", parts.get("310104-SWJ").get("id").asString(), Map.of("amount", "14400.00"));
        approve("310104-FG", parts.get("310104-FG").get("id").asString(), Map.of());

        assertThat(licenses.heldBy(SubjectType.PERSON, buyer.citizenId()))
                .filteredOn(l -> l.typeCode().equals("PROPERTY_CERT"))
                .extracting(l -> l.fields().get("house_code"))
                .containsExactlyInAnyOrder(buyer.houseCode(), seller.houseCode());
        assertThat(licenses.heldBy(SubjectType.PERSON, seller.citizenId()))
                .noneMatch(l -> l.typeCode().equals("PROPERTY_CERT"));
    }

    private void approve(String department, String part, Map<String, String> licenseFields) throws Exception {
        mvc.perform(post("/api/v1/parts/" + part + "/decision").with(user(ServiceFixtures.officer(department))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("action", "APPROVE", "licenseFields", licenseFields))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
    }

    JsonNode form(ActorPrincipal who, String kind, String code) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/forms").with(user(who)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"" + kind + "\",\"code\":\"" + code + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    String submit(ActorPrincipal who, String kind, String code, String house, Map<String, String> values,
                  Map<String, String> uploads) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("kind", kind, "code", code, "values", values,
                "idempotencyKey", UUID.randomUUID().toString()));
        if (house != null) body.put("house", house);
        if (uploads != null) {
            body.put("uploads", uploads.entrySet().stream().map(u -> Map.of("material", u.getKey(), "fileName", u.getValue(),
                    "contentType", "application/pdf",
                    "contentBase64", Base64.getEncoder().encodeToString("%PDF-1.4 contract".getBytes()))).toList());
        }
        return json.readTree(mvc.perform(post("/api/v1/applications").with(user(who)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    JsonNode application(ActorPrincipal who, String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

}
