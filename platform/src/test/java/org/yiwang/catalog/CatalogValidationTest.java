package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.SubjectType;

@IntegrationTest
class CatalogValidationTest {

    @Autowired Catalog catalog;

    @Test
    void seedsTheElementsOtherModulesUse() {
        // seeded ones: tests that add an element from the pages name it *.test_*
        assertThat(catalog.elements(SubjectType.PERSON)).filteredOn(e -> !e.code().contains(".test_")).hasSize(24);
        assertThat(catalog.elements(SubjectType.LEGAL_ENTITY)).filteredOn(e -> !e.code().contains(".test_")).hasSize(27);
        assertThat(catalog.elements(SubjectType.HOUSE)).filteredOn(e -> !e.code().contains(".test_")).hasSize(11);
        assertThat(catalog.require("person.citizen_id").sensitivity()).isEqualTo(4);
        assertThat(catalog.responsibleDepartment("person.marital_status")).contains("310104-MZ");
        assertThat(catalog.responsibleDepartment("house.area")).contains("310104-FG");
        assertThat(catalog.codes("ethnicity")).hasSize(58).first().extracting(CodeValue::labelZh).isEqualTo("汉族");
        assertThat(catalog.codeLabel("gender", "2")).isEqualTo("女");
        assertThat(catalog.codeLabel("marital", "77")).isEqualTo("77");
        assertThat(catalog.purpose("RIDE_HAILING_CHECK")).map(Purpose::nameZh).contains("网约车驾驶员背景核查");
    }

    @Test
    void normalisesValidValues() {
        assertThat(catalog.validate("person.gender", " 1 ")).isEqualTo("1");
        assertThat(catalog.validate("person.birth_date", "19900101")).isEqualTo("1990-01-01");
        assertThat(catalog.validate("person.birth_date", "1990-01-01")).isEqualTo("1990-01-01");
        assertThat(catalog.validate("person.citizen_id", "11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(catalog.validate("person.citizen_id", "110105491231002")).isEqualTo("11010519491231002X");
        assertThat(catalog.validate("entity.credit_code", "91350100m000100y43")).isEqualTo("91350100M000100Y43");
        assertThat(catalog.validate("entity.registered_capital", "120.50")).isEqualTo("120.5");
        assertThat(catalog.validate("person.phone", "13812345678")).isEqualTo("13812345678");
        assertThat(catalog.validate("entity.phone", "021-64871234")).isEqualTo("021-64871234");
        assertThat(catalog.validate("person.division", "310104014")).isEqualTo("310104014");
        assertThat(catalog.validate("person.driver_license_class", "A2,C1")).isEqualTo("A2,C1");
    }

    @Test
    void refusesAValueOutsideTheCodeTable() {
        assertRule("person.gender", "3", "code-table");
        assertRule("person.ethnicity", "57", "code-table");
        assertRule("person.marital_status", "50", "code-table");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertRule("person.citizen_id", "110105194912310021", "check-digit");
        assertRule("entity.credit_code", "91350100M000100Y44", "check-digit");
        assertRule("house.owner_citizen_id", "110105194902300021", "birth-date");
        assertRule("person.citizen_id", "990105194912310021", "province");
    }

    @Test
    void refusesTheWrongType() {
        assertRule("entity.registered_capital", "一百万", "type");
        assertRule("person.birth_date", "1990-13-01", "type");
        assertRule("person.birth_date", "01/02/1990", "type");
    }

    @Test
    void refusesWhatBreaksTheFormatOrIsTooLong() {
        assertRule("person.name", "张".repeat(51), "max-length");
        assertRule("person.driver_license_class", "Z9", "format");
        assertRule("person.phone", "12345", "phone-format");
        assertRule("person.phone", "14012345678", "mobile-segment");
        assertRule("person.division", "31010", "format");
        assertRule("person.name", "  ", "required");
    }

    @Test
    void refusesAnUnknownElement() {
        assertRule("person.shoe_size", "42", "unknown-element");
    }

    private void assertRule(String element, String value, String rule) {
        assertThatThrownBy(() -> catalog.validate(element, value))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo(element);
                    assertThat(e.violations().get(0).rule()).isEqualTo(rule);
                });
    }
}
