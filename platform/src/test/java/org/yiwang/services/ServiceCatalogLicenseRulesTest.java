package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.IntegrationTest;
import org.yiwang.licenses.Licenses;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules that need the licence types: known types, held by the applicant's kind of subject, issued by the item's
 * department. They run once the licenses module's implementation is in the application.
 */
@IntegrationTest
class ServiceCatalogLicenseRulesTest {

    @Autowired MockMvc mvc;
    @Autowired ServiceCatalog catalog;
    @Autowired ObjectProvider<Licenses> licenses;

    @BeforeEach
    void needsTheLicenceTypes() {
        Assumptions.assumeTrue(licenses.getIfAvailable() != null, "the licenses implementation is not merged yet");
    }

    @Test
    void materialsAndResultsNameKnownLicenceTypesTheApplicantCanHold() throws Exception {
        String code = ServiceCatalogValidationTest.code();
        ObjectNode d = ServiceCatalogValidationTest.validItem(code);
        ((ObjectNode) d.get("materials").get(0)).put("licenseType", "PET_LICENSE");
        ((ObjectNode) d.get("materials").get(1)).put("licenseType", "ID_CARD");
        d.put("resultLicenseType", "FOOD_BUSINESS");
        putItem(code, d).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'materials[0].licenseType')].rule", hasItem("unknown-license-type")))
                .andExpect(jsonPath("$.errors[?(@.field == 'materials[1].licenseType')].rule", hasItem("holder-type")))
                // the food business licence is the market regulator's to issue, not the health commission's
                .andExpect(jsonPath("$.errors[?(@.field == 'resultLicenseType')].rule", hasItem("issuer")));
        assertThat(catalog.item(code)).isEmpty();
    }

    @Test
    void aResultHeldBySomeoneElseIsNamedByAnIdentifierElement() throws Exception {
        String code = ServiceCatalogValidationTest.code();
        ObjectNode d = (ObjectNode) ServiceCatalogValidationTest.validItem(code)
                .put("department", "310104-FG").put("purpose", "HOUSE_TRANSFER").put("applicantType", "PERSON")
                .put("resultLicenseType", "PROPERTY_CERT").put("resultHolder", "house.buyer_name");
        d.remove("materials");
        d.remove("paperForm");
        d.putArray("elements").add(d.objectNode().put("element", "house.buyer_name"))
                .add(d.objectNode().put("element", "house.buyer_citizen_id"));
        putItem(code, d).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("resultHolder")).andExpect(jsonPath("$.rule").value("holder-type"));
        d.put("resultHolder", "house.buyer_citizen_id");
        putItem(code, d).andExpect(status().isOk());
        assertThat(catalog.requireItem(code).resultHolder()).isEqualTo("house.buyer_citizen_id");
    }

    @Test
    void theGuideNamesTheLicences() throws Exception {
        mvc.perform(get("/services/bundles/HOTEL_CHANGE"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span>酒类商品零售许可证</span>"),
                        containsString("<span>食品经营许可证</span>"), not(containsString(">LIQUOR_RETAIL<")))));
    }

    private ResultActions putItem(String code, ObjectNode definition) throws Exception {
        return mvc.perform(put("/api/v1/services/items/" + code).with(user(ServiceCatalogValidationTest.ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(definition.toString()));
    }
}
