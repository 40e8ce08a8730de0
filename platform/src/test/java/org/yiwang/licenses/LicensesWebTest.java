package org.yiwang.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.demo.DemoSubjects;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;

/** The licenses' API and pages: public verification, the wallet, the register, revocation, QR codes. */
@IntegrationTest
class LicensesWebTest {

    static final ActorPrincipal POLICE = new ActorPrincipal(LicensesTest.POLICE, "", true);
    static final ActorPrincipal MARKET = new ActorPrincipal(LicensesTest.MARKET, "", true);

    @Autowired MockMvc mvc;
    @Autowired Licenses licenses;
    @Autowired JdbcClient jdbc;

    static ActorPrincipal resident(String citizenId) {
        return new ActorPrincipal(new Actor("lic-resident-" + citizenId.substring(12), Role.RESIDENT, null, null,
                CitizenId.parse(citizenId), Set.of()), "", true);
    }

    @Test
    void anyoneVerifiesWithoutSigningInAndSeesTheMaskedHolderOnly() throws Exception {
        String id = TestSubjects.citizenId();
        License license = LicensesTest.driverLicense(licenses, id);

        mvc.perform(get("/api/v1/licenses/{id}/verification", license.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("VALID"))
                .andExpect(jsonPath("$.holderName").value("王**"))
                .andExpect(jsonPath("$.typeName").value("机动车驾驶证"))
                .andExpect(jsonPath("$.validUntil").value(license.validUntil().toString()))
                .andExpect(content().string(not(containsString(id))))
                .andExpect(content().string(not(containsString("王小明"))))
                .andExpect(content().string(not(containsString("C1"))));
        mvc.perform(get("/verify/{id}", license.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(containsString("有效")))
                .andExpect(content().string(not(containsString("王小明"))))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(get("/verify").param("id", " " + license.id() + " "))
                .andExpect(redirectedUrl("/verify/" + license.id()));
        mvc.perform(get("/api/v1/licenses/{id}/verification", "1.2.156.3005.2.103.310104GA.00000001.001.0"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("FORGED"));
        // the rest of the licenses API still needs a sign-in
        mvc.perform(get("/api/v1/licenses/{id}", license.id())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me/licenses")).andExpect(status().isUnauthorized());
    }

    @Test
    void theIssuersPublicKeysArePublic() throws Exception {
        LicensesTest.driverLicense(licenses, TestSubjects.citizenId());
        mvc.perform(get("/api/v1/licenses/signing-keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].department", hasItem("310104-GA")))
                .andExpect(jsonPath("$[0].algorithm").value("Ed25519"))
                .andExpect(content().string(not(containsString("privateKey"))));
    }

    @Test
    void theWalletListsTheResidentsOwnLicensesAndNoOneElses() throws Exception {
        String mine = TestSubjects.citizenId();
        String theirs = TestSubjects.citizenId();
        License own = LicensesTest.driverLicense(licenses, mine);
        License other = LicensesTest.driverLicense(licenses, theirs);

        mvc.perform(get("/api/v1/me/licenses").with(user(resident(mine))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(own.id()))
                .andExpect(jsonPath("$[0].fields.class").value("C1"));
        mvc.perform(get("/me/licenses").with(user(resident(mine))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(own.id())))
                .andExpect(content().string(containsString("机动车驾驶证")))
                .andExpect(content().string(not(containsString(other.id()))));
        mvc.perform(get("/me/licenses/{id}", own.id()).with(user(resident(mine))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("王小明")));
        mvc.perform(get("/me/licenses/{id}", other.id()).with(user(resident(mine)))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/licenses/{id}", other.id()).with(user(resident(mine)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/licenses/{id}", own.id()).with(user(resident(mine))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.license.holderKey").value(mine))
                .andExpect(jsonPath("$.algorithm").value("Ed25519"));
        mvc.perform(get("/me/licenses").with(user(POLICE))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoResidentAndEnterpriseHoldTheirLicensesWithTheBasesValues() throws Exception {
        mvc.perform(get("/api/v1/me/licenses").with(user(resident(DemoSubjects.RESIDENT_CITIZEN_ID))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].typeCode", hasItem("ID_CARD")))
                .andExpect(jsonPath("$[*].typeCode", hasItem("PROPERTY_CERT")))
                .andExpect(jsonPath("$[?(@.typeCode == 'DRIVER_LICENSE')].fields.first_issue", hasItem("2010-08-16")));
        ActorPrincipal enterprise = new ActorPrincipal(new Actor("lic-enterprise", Role.ENTERPRISE, null, null, null,
                Set.of(CreditCode.parse(DemoSubjects.ENTERPRISE_CREDIT_CODE))), "", true);
        mvc.perform(get("/api/v1/me/licenses").with(user(enterprise)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].typeCode", hasItem("BUSINESS_LICENSE")))
                .andExpect(jsonPath("$[*].typeCode", hasItem("SPECIAL_TRADE")))
                .andExpect(jsonPath("$[?(@.typeCode == 'SPECIAL_TRADE')].fields.hotel_beds", hasItem("52")))
                .andExpect(jsonPath("$[?(@.typeCode == 'BUSINESS_LICENSE')].fields.name",
                        hasItem(DemoSubjects.ENTERPRISE.name())));
        assertThat(licenses.heldBy(SubjectType.LEGAL_ENTITY, DemoSubjects.ENTERPRISE_CREDIT_CODE)).hasSize(5);
    }

    @Test
    void anOfficerOfAnotherDepartmentIsRefusedAndNothingIsWritten() throws Exception {
        String id = TestSubjects.citizenId();
        mvc.perform(post("/api/v1/licenses").with(user(MARKET)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"typeCode":"DRIVER_LICENSE","holderType":"PERSON","holderKey":"%s","holderName":"王小明",
                                 "fields":{"class":"C1","first_issue":"2012-05-04"}}""".formatted(id)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("NOT_ISSUER"));
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).isEmpty();

        mvc.perform(post("/api/v1/licenses").with(user(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"typeCode":"DRIVER_LICENSE","holderType":"PERSON","holderKey":"%s","holderName":"王小明",
                                 "fields":{"class":"Z9","first_issue":"2012-05-04"}}""".formatted(id)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("fields.class"))
                .andExpect(jsonPath("$.rule").value("format"));
        mvc.perform(post("/api/v1/licenses").with(user(POLICE)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"typeCode":"DRIVER_LICENSE","holderType":"PERSON","holderKey":"%s","holderName":"王小明",
                                 "fields":{"class":"C1","first_issue":"2012-05-04"}}""".formatted(id)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("VALID"));
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).hasSize(1);
    }

    @Test
    void theIssuingDepartmentRevokesWithAReasonOthersCannot() throws Exception {
        String id = TestSubjects.citizenId();
        License license = LicensesTest.driverLicense(licenses, id);

        mvc.perform(post("/api/v1/licenses/{id}/revocation", license.id()).with(user(MARKET)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不是我的\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/licenses/{id}/revocation", license.id()).with(user(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/v1/licenses/{id}/revocation", license.id()).with(user(POLICE)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"记满12分\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.holderKey").value(org.yiwang.kernel.Masking.citizenId(id)));
        mvc.perform(get("/api/v1/licenses/{id}/verification", license.id()))
                .andExpect(jsonPath("$.result").value("REVOKED"));
        assertThat(jdbc.sql("SELECT revocation_reason FROM licenses_license WHERE id = ?").param(license.id())
                .query(String.class).single()).isEqualTo("记满12分");
    }

    @Test
    void theRegisterPageFindsTheDepartmentsLicenseAndRevokesIt() throws Exception {
        License license = LicensesTest.driverLicense(licenses, TestSubjects.citizenId());

        String row = "href=\"/verify/" + license.id() + "\"";
        mvc.perform(get("/licenses").param("id", license.id()).with(user(POLICE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(row)))
                .andExpect(content().string(containsString("王小明")));
        // another department's register does not list it
        mvc.perform(get("/licenses").param("id", license.id()).with(user(MARKET)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(row))));
        // revoking is irreversible: the first post only asks for confirmation, showing the license and the reason
        mvc.perform(post("/licenses/revocation").param("id", license.id()).param("reason", "当事人申请注销")
                        .with(user(POLICE)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认撤销")))
                .andExpect(content().string(containsString("当事人申请注销")))
                .andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
        assertThat(licenses.verify(license.id()).result()).isEqualTo(Verification.Result.VALID);
        mvc.perform(post("/licenses/revocation").param("id", license.id()).param("reason", "当事人申请注销")
                        .param("confirmed", "true").with(user(POLICE)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(licenses.verify(license.id()).result()).isEqualTo(Verification.Result.REVOKED);
    }

    @Test
    void anotherDepartmentCannotEvenAskToRevokeAndNothingChanges() throws Exception {
        License license = LicensesTest.driverLicense(licenses, TestSubjects.citizenId());

        mvc.perform(post("/licenses/revocation").param("id", license.id()).param("reason", "不是我的")
                        .with(user(MARKET)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "没有这个证照"));
        mvc.perform(post("/licenses/revocation").param("id", license.id()).param("reason", "不是我的")
                        .param("confirmed", "true").with(user(MARKET)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "只有发证部门可以撤销此证照"));
        assertThat(licenses.verify(license.id()).result()).isEqualTo(Verification.Result.VALID);
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))), Map.of()).getText();
    }

    @Test
    void theQrCodeCarriesAnUnguessableTokenNotTheSerialAndTheTokenVerifies() throws Exception {
        String holder = TestSubjects.citizenId();
        License license = LicensesTest.driverLicense(licenses, holder);
        String serial = license.id().split("\\.")[7];

        String text = decode(mvc.perform(get("/licenses/{id}/qr.png", license.id()).with(user(resident(holder))))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray());

        assertThat(text).matches("http://localhost/verify/t/[A-Za-z0-9_-]{22}")
                .doesNotContain(serial).doesNotContain(license.id());
        // the issuing department's QR code is the same; nobody else gets one
        assertThat(decode(mvc.perform(get("/licenses/{id}/qr.png", license.id()).with(user(POLICE)))
                .andReturn().getResponse().getContentAsByteArray())).isEqualTo(text);
        mvc.perform(get("/licenses/{id}/qr.png", license.id()).with(user(MARKET))).andExpect(status().isNotFound());
        String token = text.substring(text.lastIndexOf('/') + 1);
        mvc.perform(get("/verify/t/{token}", token))
                .andExpect(status().isOk()).andExpect(content().string(containsString("有效")))
                .andExpect(content().string(containsString("王**")))
                .andExpect(content().string(not(containsString("王小明"))));
        mvc.perform(get("/api/v1/licenses/verification/{token}", token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("VALID"))
                .andExpect(jsonPath("$.licenseId").value(license.id()));
        mvc.perform(get("/api/v1/licenses/verification/{token}", "A".repeat(22)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("UNKNOWN"));
        // the holder's 亮证 page links to the same token page
        mvc.perform(get("/me/licenses/{id}", license.id()).with(user(resident(holder))))
                .andExpect(content().string(containsString("/verify/t/" + token)));
    }

    @Test
    void theTwentyFirstVerificationByIdentifierInAMinuteFromOneAddressIsRefused() throws Exception {
        String holder = TestSubjects.citizenId();
        License license = LicensesTest.driverLicense(licenses, holder);
        String address = "198.51.100." + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255)
                + "-" + System.nanoTime(); // one address no other test uses
        org.springframework.test.web.servlet.request.RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/v1/licenses/{id}/verification", license.id()).with(from))
                    .andExpect(status().isOk());
            mvc.perform(get("/verify/{id}", license.id()).with(from)).andExpect(status().isOk());
        }

        mvc.perform(get("/api/v1/licenses/{id}/verification", license.id()).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.rule").value("verify-rate"))
                .andExpect(jsonPath("$.result").doesNotExist());
        mvc.perform(get("/verify/{id}", license.id()).with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("核验过于频繁")))
                .andExpect(content().string(not(containsString("王**"))));
        // another address is not affected, nor the QR code's token
        mvc.perform(get("/api/v1/licenses/{id}/verification", license.id())
                        .with(request -> { request.setRemoteAddr(address + "-other"); return request; }))
                .andExpect(status().isOk());
        String qr = decode(mvc.perform(get("/licenses/{id}/qr.png", license.id()).with(user(resident(holder))))
                .andReturn().getResponse().getContentAsByteArray());
        mvc.perform(get(java.net.URI.create(qr).getPath()).with(from)).andExpect(status().isOk())
                .andExpect(content().string(containsString("有效")));
    }
}
