package org.yiwang.services.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.Provenance;

class TrustedFactsTest {

    private static ElementValue value(String element, String v, Method method, String source) {
        return new ElementValue(element, v, false, new Provenance(source, method, Instant.EPOCH));
    }

    @Test
    void aLicenceClassTheApplicantTypedIsNotTrustedButThePolicesIs() {
        var facts = TrustedFacts.of(List.of("person.driver_license_class", "person.birth_date"), Map.of(
                "person.driver_license_class", value("person.driver_license_class", "C1", Method.SELF_DECLARED, null),
                "person.birth_date", value("person.birth_date", "1988-06-18", Method.AUTHORITATIVE, "310104-GA")),
                Map.of());
        assertThat(facts.values()).containsOnly(Map.entry("person.birth_date", "1988-06-18"));
        assertThat(facts.untrusted()).containsExactly("person.driver_license_class");
    }

    @Test
    void aHeldElectronicLicenceVouchesForWhatItStates() {
        var facts = TrustedFacts.of(List.of("person.driver_license_class"), Map.of(
                "person.driver_license_class", value("person.driver_license_class", "A1", Method.SELF_DECLARED, null)),
                Map.of("person.driver_license_class", "C1"));
        assertThat(facts.values()).containsOnly(Map.entry("person.driver_license_class", "C1"));
        assertThat(facts.untrusted()).isEmpty();
    }

    @Test
    void collectedOrMaskedValuesAreNotTrustedAndAbsentOnesAreJustAbsent() {
        var facts = TrustedFacts.of(List.of("person.criminal_record", "person.birth_date", "person.driver_license_class"),
                Map.of("person.birth_date", value("person.birth_date", "1988-06-18", Method.COLLECTED, "310104014"),
                        "person.driver_license_class", new ElementValue("person.driver_license_class", "C*", true,
                                new Provenance("310104-GA", Method.AUTHORITATIVE, Instant.EPOCH))),
                Map.of());
        assertThat(facts.values()).isEmpty();
        assertThat(facts.untrusted()).containsExactly("person.birth_date", "person.driver_license_class");
    }
}
