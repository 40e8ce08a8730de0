package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.IntegrationTest;
import org.yiwang.directory.ActorPrincipal;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;

@IntegrationTest
class SharingPolicyTest {

    static final ActorPrincipal ADMIN =
            new ActorPrincipal(new Actor("catalog-test-admin", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of()), "", true);

    @Autowired SharingPolicy policy;
    @Autowired MockMvc mvc;

    @Test
    void anUnknownElementIsDenied() {
        var d = policy.decide(Consumer.department("310104-ZWFW"), "person.shoe_size", "WINDOW_SERVICE");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo("UNKNOWN_ELEMENT");
    }

    @Test
    void theSubjectThemselfSeesEverythingInClearEvenWhatIsNeverShared() {
        var d = policy.decide(Consumer.self(), "person.health_condition", "WINDOW_SERVICE");
        assertThat(d).isEqualTo(SharingDecision.allow("SELF", d.detail(), true));
    }

    @Test
    void theNegativeListDeniesEvenTheCityDataCenter() {
        var d = policy.decide(Consumer.department("310000-DSJ"), "person.health_condition", "DATA_GOVERNANCE");
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo("NEGATIVE_LIST");
        assertThat(d.detail()).contains("个人健康信息属敏感个人信息").contains("个人信息保护法");
    }

    @Test
    void theResponsibleDepartmentSeesItsOwnDataInClearForAnyPurpose() {
        var d = policy.decide(Consumer.department("310104-GA"), "person.citizen_id", "MARKET_SUPERVISION");
        assertThat(d.allowed()).isTrue();
        assertThat(d.reason()).isEqualTo("RESPONSIBLE_DEPARTMENT");
        assertThat(d.clear()).isTrue();
    }

    @Test
    void aDemandEntryAllowsMaskedUnlessGrantedInClear() {
        var id = policy.decide(Consumer.department("310104-ZWFW"), "person.citizen_id", "WINDOW_SERVICE");
        assertThat(id.reason()).isEqualTo("DEMAND_LIST");
        assertThat(id.clear()).isTrue();
        assertThat(id.detail()).contains("一网通办");

        var address = policy.decide(Consumer.department("310104-ZWFW"), "person.household_address", "WINDOW_SERVICE");
        assertThat(address.allowed()).isTrue();
        assertThat(address.clear()).isFalse();

        var phone = policy.decide(Consumer.department("310104014-JD"), "person.phone", "GRASSROOTS_GOVERNANCE");
        assertThat(phone.allowed()).isTrue();
        assertThat(phone.clear()).isFalse();

        var gender = policy.decide(Consumer.department("310104014-JD"), "person.gender", "GRASSROOTS_GOVERNANCE");
        assertThat(gender.clear()).as("non-sensitive elements are always in clear").isTrue();
    }

    @Test
    void withoutADemandEntryForThatPurposeTheReadIsDenied() {
        var otherPurpose = policy.decide(Consumer.department("310104-ZWFW"), "person.citizen_id", "HOUSE_SALE_TAX");
        assertThat(otherPurpose.allowed()).isFalse();
        assertThat(otherPurpose.reason()).isEqualTo("NO_DEMAND_ENTRY");

        var otherElement = policy.decide(Consumer.department("310104-JT"), "person.marital_status", "RIDE_HAILING_CHECK");
        assertThat(otherElement.reason()).isEqualTo("NO_DEMAND_ENTRY");

        var otherStreet = policy.decide(Consumer.department("310104-WJW"), "person.name", "GRASSROOTS_GOVERNANCE");
        assertThat(otherStreet.reason()).isEqualTo("NO_DEMAND_ENTRY");
    }

    @Test
    void puttingAnElementOnTheNegativeListDeniesItAtOnce() throws Exception {
        Consumer jt = Consumer.department("310104-JT");
        assertThat(policy.decide(jt, "person.criminal_record", "RIDE_HAILING_CHECK").reason()).isEqualTo("DEMAND_LIST");
        mvc.perform(post("/api/v1/catalog/lists/negative").with(user(ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"element\":\"person.criminal_record\",\"reason\":\"测试:暂停共享\",\"legalBasis\":\"测试\"}"))
                .andExpect(status().isCreated());
        try {
            var denied = policy.decide(jt, "person.criminal_record", "RIDE_HAILING_CHECK");
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.reason()).isEqualTo("NEGATIVE_LIST");
            assertThat(denied.detail()).contains("测试:暂停共享");
        } finally {
            mvc.perform(delete("/api/v1/catalog/lists/negative/person.criminal_record").with(user(ADMIN)).with(csrf()))
                    .andExpect(status().isNoContent());
        }
        assertThat(policy.decide(jt, "person.criminal_record", "RIDE_HAILING_CHECK").reason()).isEqualTo("DEMAND_LIST");
    }

    @Test
    void explainListsEveryRuleAndWhichOneDecided() {
        var e = policy.explain(Consumer.department("310104-JT"), "person.criminal_record", "RIDE_HAILING_CHECK");
        assertThat(e.decision()).isEqualTo(policy.decide(Consumer.department("310104-JT"), "person.criminal_record",
                "RIDE_HAILING_CHECK"));
        assertThat(e.steps()).extracting(SharingExplanation.Step::rule).containsExactly("KNOWN_ELEMENT", "SELF",
                "NEGATIVE_LIST", "RESPONSIBLE_DEPARTMENT", "DEMAND_LIST", "DEFAULT_DENY");
        assertThat(e.steps()).extracting(SharingExplanation.Step::outcome).containsExactly(
                SharingExplanation.Outcome.NOT_APPLICABLE, SharingExplanation.Outcome.NOT_APPLICABLE,
                SharingExplanation.Outcome.NOT_APPLICABLE, SharingExplanation.Outcome.NOT_APPLICABLE,
                SharingExplanation.Outcome.DECIDED, SharingExplanation.Outcome.NOT_REACHED);
    }
}
