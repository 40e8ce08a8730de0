package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Facts;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The department's and the window's side of 一网通办: the facts an officer decides on, the materials only the
 * receiving department opens, what an automatic decision may trust, what an upload must be, one application per
 * item at a time, the window's list and its printed receipt.
 */
@IntegrationTest
class OfficerAndWindowTest {

    static final String PDF = Base64.getEncoder().encodeToString("%PDF-1.4 存量房买卖合同".getBytes(StandardCharsets.UTF_8));

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired Facts facts;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;
    ServiceFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ServiceFixtures(facts, licenses);
    }

    @Test
    void aSecondApplicationForTheSameItemWhileOneIsInProgressIsRefusedWithItsNumber() throws Exception {
        var hotel = fixtures.hotel();
        Map<String, String> values = Map.of("entity.employees", "35", "entity.security_officer", "孙建国",
                "entity.name", ServiceFixtures.NEW_HOTEL_NAME);
        String reference = json.readTree(submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", null, values, List.of())
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("reference").asString();
        submit(hotel.enterpriseUser(), "BUNDLE", "HOTEL_CHANGE", null, values, List.of())
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("application-in-progress"))
                .andExpect(jsonPath("$.detail", Matchers.containsString(reference)));
        // a single item of the bundle is refused too, and the page says so with a link to the one in progress
        submit(hotel.enterpriseUser(), "ITEM", "HOTEL_FOOD_CHANGE", null, Map.of(), List.of())
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("application-in-progress"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?")
                .param(hotel.enterpriseUser().actor().username()).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/apply/bundles/HOTEL_CHANGE").with(user(hotel.enterpriseUser())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"in-progress-link\"")))
                .andExpect(content().string(Matchers.containsString(reference)));
    }

    @Test
    void anUploadThatIsNotWhatItsNameSaysIsRefusedAndNothingIsWritten() throws Exception {
        var seller = fixtures.seller();
        var buyer = fixtures.person("钱进", "1", "1992-02-02", true);
        Map<String, String> values = Map.of("house.transfer_price", "520.00", "house.buyer_name", "钱进",
                "house.buyer_citizen_id", buyer.citizenId());
        String html = Base64.getEncoder().encodeToString("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), values, List.of(upload("contract.pdf", html)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("materials.HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT"))
                .andExpect(jsonPath("$.errors[0].rule").value("upload-type"));
        submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), values, List.of(upload("../../contract.pdf", PDF)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("upload-name"));
        submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), values, List.of(upload("contract.png", PDF)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].rule").value("upload-extension"));
        assertThat(jdbc.sql("SELECT count(*) FROM services_application WHERE submitted_by = ?")
                .param(seller.user().actor().username()).query(Long.class).single()).isZero();
    }

    @Test
    void theTaxOfficeSeesThePriceAndOnlyHousingOpensTheContract() throws Exception {
        var seller = fixtures.seller();
        var buyer = fixtures.person("钱进", "1", "1992-02-02", true);
        String id = json.readTree(submit(seller.user(), "BUNDLE", "HOUSE_SALE", seller.houseCode(), Map.of(
                        "house.transfer_price", "520.00", "house.buyer_name", "钱进", "house.buyer_citizen_id", buyer.citizenId()),
                List.of(upload("买卖合同.pdf", PDF))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        String taxPart = partOf(id, "310104-SWJ");
        String housingPart = partOf(id, "310104-FG");
        ActorPrincipal tax = ServiceFixtures.officer("310104-SWJ");
        ActorPrincipal housing = ServiceFixtures.officer("310104-FG");

        String page = mvc.perform(get("/workbench/parts/" + taxPart).with(user(tax))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
        var price = doc.selectFirst("#part-values tr[data-element='house.transfer_price']");
        assertThat(price.selectFirst("th").text()).startsWith("成交价格");
        assertThat(price.selectFirst(".value").text()).startsWith("520");
        assertThat(price.attr("data-typed")).isEqualTo("true");
        assertThat(price.selectFirst(".method").text()).isEqualTo("自报");
        var area = doc.selectFirst("#part-values tr[data-element='house.area']");
        assertThat(area.selectFirst(".value").text()).startsWith("76.3");
        assertThat(area.selectFirst(".source").text()).isEqualTo("徐汇区房屋管理局");
        assertThat(area.selectFirst(".method").text()).isEqualTo("权威");
        assertThat(doc.select("#part-values tbody th")).allSatisfy(th -> assertThat(th.text()).isNotBlank());
        assertThat(doc.select("#return-form label.check span")).allSatisfy(s -> assertThat(s.text()).doesNotContain("."));

        mvc.perform(get("/workbench/parts/" + housingPart + "/materials/SALE_CONTRACT").with(user(housing)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes("%PDF-1.4 存量房买卖合同".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/api/v1/parts/" + housingPart + "/materials/SALE_CONTRACT").with(user(housing)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/parts/" + housingPart + "/materials/SALE_CONTRACT").with(user(tax)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/parts/" + taxPart + "/materials/SALE_CONTRACT").with(user(tax)))
                .andExpect(status().isNotFound());
        String upload = jdbc.sql("SELECT id::text FROM services_upload WHERE application_id = ?::uuid").param(id)
                .query(String.class).single();
        mvc.perform(get("/me/applications/" + id + "/uploads/" + upload).with(user(seller.user())))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
        mvc.perform(get("/me/applications/" + id + "/uploads/" + upload).with(user(buyer.user())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDrivingLicenceClassTheApplicantTypedHimselfIsLeftToAnOfficer() throws Exception {
        var driver = fixtures.person("周明", "1", "1986-05-05", true);
        fixtures.issue("HOUSEHOLD_REGISTER", SubjectType.PERSON, driver.citizenId(), "周明",
                Map.of("household_id", "H" + driver.citizenId().substring(6, 18), "relation", "01",
                        "address", "上海市徐汇区天平路100号"));
        String id = json.readTree(submit(driver.user(), "ITEM", "RIDE_HAILING", null, Map.of(
                        "person.driver_license_class", "C1", "person.driver_license_first_issue", "2010-01-01",
                        "person.vehicle_plate", "沪A5" + driver.citizenId().substring(14), "person.ride_hailing_platform", "01"),
                List.of(new Upload("RIDE_HAILING.DRIVER_LICENSE", "驾驶证.pdf", PDF)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        JsonNode part = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> application(driver.user(), id).get("parts").get(0), p -> p.get("timeline").size() >= 2);
        assertThat(part.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(part.get("licenseId").isNull()).isTrue();
        assertThat(part.get("timeline").get(1).get("note").asString()).startsWith("未自动审批").contains("准驾车型");
        assertThat(licenses.heldBy(SubjectType.PERSON, driver.citizenId()))
                .noneMatch(l -> l.typeCode().equals("RIDE_HAILING_DRIVER"));
    }

    @Test
    void theWindowListsWhatItEnteredAndPrintsAReceiptWithTheNumber() throws Exception {
        var driver = fixtures.driver(false, "孙丽", "2");
        String body = json.writeValueAsString(Map.of("kind", "ITEM", "code", "RIDE_HAILING", "applicant", driver.citizenId(),
                "values", Map.of("person.vehicle_plate", "沪D3" + driver.citizenId().substring(14),
                        "person.ride_hailing_platform", "01"),
                "idempotencyKey", UUID.randomUUID().toString()));
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/applications").with(user(ServiceFixtures.clerk())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String id = created.get("id").asString();
        String reference = created.get("reference").asString();
        // another clerk of the same service centre finds it in the window's list and prints its receipt
        ActorPrincipal colleague = new ActorPrincipal(new org.yiwang.kernel.Actor("clerk-colleague",
                org.yiwang.kernel.Role.WINDOW_CLERK, "310104-ZWFW", null, null, java.util.Set.of()), "", true);
        String window = mvc.perform(get("/window").with(user(colleague))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(org.jsoup.Jsoup.parse(window).select("#window-applications tr[data-reference='" + reference + "']"))
                .hasSize(1);
        byte[] pdf = mvc.perform(get("/me/applications/" + id + "/receipt.pdf").with(user(colleague)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(reference).doesNotContain(driver.citizenId());
        // a clerk of another centre learns nothing
        ActorPrincipal stranger = new ActorPrincipal(new org.yiwang.kernel.Actor("clerk-elsewhere",
                org.yiwang.kernel.Role.WINDOW_CLERK, "310101-ZWFW", null, null, java.util.Set.of()), "", true);
        mvc.perform(get("/me/applications/" + id + "/receipt.pdf").with(user(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void theWindowPageSaysBesideTheFieldWhatIsWrongWithTheNumber() throws Exception {
        for (String wrong : List.of("123", "11010519491231002X")) {
            String page = mvc.perform(post("/window/start").with(user(ServiceFixtures.clerk())).with(csrf())
                            .param("applicant", wrong).param("target", "items:RIDE_HAILING"))
                    .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            var doc = org.jsoup.Jsoup.parse(page);
            assertThat(doc.selectFirst("#applicant-error").text()).isNotBlank();
            assertThat(doc.selectFirst("#applicant").val()).isEqualTo(wrong);
        }
    }

    record Upload(String material, String fileName, String base64) {}

    static Upload upload(String fileName, String base64) {
        return new Upload("HOUSE_TRANSFER_REGISTRATION.SALE_CONTRACT", fileName, base64);
    }

    private ResultActions submit(ActorPrincipal who, String kind, String code, String house, Map<String, String> values,
                                 List<Upload> uploads) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "code", code, "values", values,
                "idempotencyKey", UUID.randomUUID().toString()));
        if (house != null) body.put("house", house);
        body.put("uploads", uploads.stream().map(u -> Map.of("material", u.material(), "fileName", u.fileName(),
                "contentType", "application/pdf", "contentBase64", u.base64())).toList());
        return mvc.perform(post("/api/v1/applications").with(user(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private JsonNode application(ActorPrincipal who, String id) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/applications/" + id).with(user(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private String partOf(String application, String department) {
        return jdbc.sql("SELECT id::text FROM services_part WHERE application_id = ?::uuid AND department = ?")
                .params(application, department).query(String.class).single();
    }
}
