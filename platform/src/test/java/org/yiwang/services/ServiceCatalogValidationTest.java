package org.yiwang.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.IntegrationTest;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every rule a definition can break is refused naming the field and the rule, and nothing is written. */
@IntegrationTest
class ServiceCatalogValidationTest {

    static final ActorPrincipal ADMIN = new ActorPrincipal(
            new Actor("svccat-admin", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of()), "", true);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired ServiceCatalog catalog;

    /** A valid barber-like item of the health commission; each case breaks one rule of it. */
    static ObjectNode validItem(String code) {
        return (ObjectNode) JSON.readTree("""
                {"code":"%s","nameZh":"测试事项","department":"310104-WJW","itemType":"01","level":"DISTRICT",
                 "legalDays":20,"promisedDays":5,"conditions":"测试条件","modes":["ONLINE","WINDOW"],"fees":"不收费",
                 "applicantType":"LEGAL_ENTITY","purpose":"HYGIENE_LICENSE",
                 "elements":[{"element":"entity.name"},{"element":"entity.premises_area","required":false}],
                 "materials":[{"code":"BUSINESS_LICENSE","nameZh":"营业执照","licenseType":"BUSINESS_LICENSE"},
                              {"code":"FLOOR_PLAN","nameZh":"平面图"}],
                 "paperForm":{"title":"测试申请表","fields":[{"label":"单位名称","element":"entity.name"}]}}
                """.formatted(code));
    }

    static String code() {
        return "TEST_SVCCAT_" + SEQUENCE.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    }

    static Stream<Arguments> brokenItems() {
        return Stream.of(
                broken("elements[1].element", "unknown-element", d -> element(d, 1).put("element", "entity.shoe_size")),
                broken("elements[1].element", "subject-type", d -> element(d, 1).put("element", "person.name")),
                broken("department", "unknown-department", d -> d.put("department", "310104-XX")),
                broken("purpose", "unknown-purpose", d -> d.put("purpose", "SHOPPING")),
                // data minimisation: the health commission has no demand entry for liquor categories
                broken("elements[1].element", "not-granted", d -> element(d, 1).put("element", "entity.liquor_categories")),
                broken("promisedDays", "promised-exceeds-legal", d -> d.put("promisedDays", 30)),
                broken("legalDays", "range", d -> d.put("legalDays", -1)),
                broken("elements[1].element", "duplicate", d -> element(d, 1).put("element", "entity.name")),
                broken("materials[1].code", "duplicate", d -> ((ObjectNode) d.get("materials").get(1)).put("code", "BUSINESS_LICENSE")),
                broken("modes[1]", "unknown-mode", d -> ((ArrayNode) d.get("modes")).set(1, JSON.getNodeFactory().stringNode("BY_PIGEON"))),
                broken("modes", "required", d -> d.putArray("modes")),
                broken("autoDecision", "unknown-auto-decision", d -> d.put("autoDecision", "COIN_TOSS")),
                broken("applicantType", "unknown-applicant-type", d -> d.put("applicantType", "HOUSE")),
                broken("itemType", "unknown-item-type", d -> d.put("itemType", "99")),
                broken("level", "unknown-level", d -> d.put("level", "GALAXY")),
                broken("resultHolder", "not-an-element", d -> d.put("resultLicenseType", "PUBLIC_HYGIENE").put("resultHolder", "entity.phone")),
                broken("resultHolder", "without-result", d -> d.put("resultHolder", "entity.name")),
                broken("paperForm.fields[0].element", "unknown-element",
                        d -> ((ObjectNode) d.get("paperForm").get("fields").get(0)).put("element", "entity.shoe_size")),
                broken("nameZh", "required", d -> d.remove("nameZh")),
                broken("conditon", "unknown-field", d -> d.put("conditon", "typo")),
                broken("legalDays", "type", d -> d.put("legalDays", "twenty")),
                broken("code", "mismatch", d -> d.put("code", "SOMETHING_ELSE")));
    }

    private static Arguments broken(String field, String rule, Consumer<ObjectNode> change) {
        return Arguments.of(field, rule, change);
    }

    private static ObjectNode element(ObjectNode d, int index) {
        return (ObjectNode) d.get("elements").get(index);
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("brokenItems")
    void anItemBreakingARuleIsRefusedAndNothingIsWritten(String field, String rule, Consumer<ObjectNode> change)
            throws Exception {
        String code = code();
        ObjectNode definition = validItem(code);
        change.accept(definition);
        putItem(code, definition).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')].rule", hasItem(rule)));
        assertThat(catalog.item(code)).isEmpty();
    }

    @Test
    void theValidItemOfTheseCasesIsAccepted() throws Exception {
        String code = code();
        putItem(code, validItem(code)).andExpect(status().isOk()).andExpect(jsonPath("$.code").value(code));
        assertThat(catalog.requireItem(code).elements()).hasSize(2);
    }

    @Test
    void everyBrokenRuleIsNamedAtOnceAndTheStoredItemStaysAsItWas() throws Exception {
        String code = code();
        putItem(code, validItem(code)).andExpect(status().isOk());
        ServiceItem before = catalog.requireItem(code);

        ObjectNode bad = validItem(code);
        bad.put("department", "310104-XX").put("promisedDays", 99);
        element(bad, 0).put("element", "entity.shoe_size");
        putItem(code, bad).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("unknown-department")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("promised-exceeds-legal")))
                .andExpect(jsonPath("$.errors[*].rule", hasItem("unknown-element")));
        assertThat(catalog.requireItem(code)).isEqualTo(before);
    }

    @Test
    void bundlesNameExistingItemsOfOneKindOfApplicantAndNeverContainBundles() throws Exception {
        String a = code();
        String b = code();
        putItem(a, validItem(a)).andExpect(status().isOk());
        putItem(b, validItem(b)).andExpect(status().isOk());
        String bundle = code();

        putBundle(bundle, "[\"" + a + "\",\"NO_SUCH_ITEM\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items[1]")).andExpect(jsonPath("$.rule").value("unknown-item"));
        putBundle(bundle, "[\"" + a + "\",\"" + bundle + "\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items[1]")).andExpect(jsonPath("$.rule").value("cycle"));
        putBundle(bundle, "[\"" + a + "\",\"HOTEL_CHANGE\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items[1]")).andExpect(jsonPath("$.rule").value("nesting"));
        putBundle(bundle, "[\"" + a + "\",\"" + a + "\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items[1]")).andExpect(jsonPath("$.rule").value("duplicate"));
        putBundle(bundle, "[\"" + a + "\",\"RIDE_HAILING\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items[1]")).andExpect(jsonPath("$.rule").value("applicant-type"));
        putBundle(bundle, "[\"" + a + "\"]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("items")).andExpect(jsonPath("$.rule").value("too-few"));
        assertThat(catalog.bundle(bundle)).isEmpty();

        putBundle(bundle, "[\"" + a + "\",\"" + b + "\"]").andExpect(status().isOk());
        assertThat(catalog.requireBundle(bundle).items()).containsExactly(a, b);

        // an item inside a bundle cannot switch to another kind of applicant than its companions
        ObjectNode person = validItem(a);
        person.put("applicantType", "PERSON").put("department", "310104-JT").put("purpose", "RIDE_HAILING_CHECK")
                .putArray("elements").addObject().put("element", "person.name");
        person.remove("materials");
        person.remove("paperForm");
        putItem(a, person).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("applicantType")).andExpect(jsonPath("$.rule").value("applicant-type"));
        // and an item code cannot be taken by a bundle or the other way round
        putBundle(a, "[\"" + a + "\",\"" + b + "\"]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].rule", hasItem("duplicate")));
    }

    @Test
    void onlyADataAdministratorChangesTheCatalog() throws Exception {
        String code = code();
        mvc.perform(put("/api/v1/services/items/" + code).with(user(ServiceCatalogTest.RESIDENT)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(validItem(code).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/services/items/RIDE_HAILING/definition").with(user(ServiceCatalogTest.RESIDENT)))
                .andExpect(status().isForbidden());
        assertThat(catalog.item(code)).isEmpty();
    }

    ResultActions putItem(String code, ObjectNode definition) throws Exception {
        return mvc.perform(put("/api/v1/services/items/" + code).with(user(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(definition.toString()));
    }

    ResultActions putBundle(String code, String items) throws Exception {
        return mvc.perform(put("/api/v1/services/bundles/" + code).with(user(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nameZh\":\"测试一件事\",\"description\":\"测试\",\"items\":" + items + "}"));
    }
}
