package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.yiwang.demo.SyntheticDistrict.Household;
import org.yiwang.demo.SyntheticDistrict.LegalEntity;
import org.yiwang.demo.SyntheticDistrict.Person;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.SubjectType;

class SyntheticDistrictTest {

    private static final Set<String> XUHUI_STREETS = Set.of("310104003", "310104004", "310104007", "310104008",
            "310104010", "310104011", "310104012", "310104013", "310104014", "310104015", "310104016", "310104017",
            "310104103");
    private static final Set<String> REGISTRATIONS = Set.of("310104", "320102", "330106", "420106", "510104", "110105");

    private final SyntheticDistrict district = new SyntheticDistrict(42);

    @Test
    void everyPersonHasAValidUniqueCitizenIdMatchingGenderAndBirthDate() {
        Set<String> ids = new HashSet<>();
        district.persons(200_000).forEach(p -> {
            CitizenId id = CitizenId.parse(p.citizenId());
            assertThat(ids.add(p.citizenId())).as("duplicate citizen ID").isTrue();
            assertThat(p.gender()).isEqualTo(id.genderCode());
            assertThat(p.birthDate()).isEqualTo(id.birthDate())
                    .isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2020, 12, 31));
            assertThat(REGISTRATIONS).contains(id.divisionOfRegistration());
        });
        assertThat(ids).hasSize(200_000).doesNotContain(DemoSubjects.RESIDENT_CITIZEN_ID);
    }

    @Test
    void mostPersonsAreRegisteredInXuhuiSomeElsewhere() {
        Map<String, Long> byRegistration = district.persons(10_000)
                .collect(Collectors.groupingBy(p -> p.citizenId().substring(0, 6), Collectors.counting()));
        assertThat(byRegistration.get("310104")).isBetween(8_000L, 9_500L);
        assertThat(byRegistration).containsKeys("320102", "330106", "420106", "510104", "110105");
    }

    @Test
    void personsLiveInRealStreetsAndGridsOfXuhui() {
        Set<String> streets = new HashSet<>();
        district.persons(5_000).forEach(p -> {
            assertThat(XUHUI_STREETS).contains(p.division());
            assertThat(p.grid()).hasSize(15).startsWith(p.division()).matches("\\d{12}00[123]");
            assertThat(p.residenceAddress()).startsWith("上海市徐汇区").endsWith("室");
            assertThat(p.householdAddress()).startsWith("上海市徐汇区");
            assertThat(p.name()).matches("\\p{IsHan}{2,4}");
            assertThat(p.ethnicity()).matches("0[1-9]|1[0-5]");
            assertThat(p.maritalStatus()).isIn("10", "20", "30", "40");
            assertThat(p.education()).isIn("10", "20", "30", "40", "60", "70", "80", "90");
            if (p.phone() != null) assertThat(p.phone()).matches("1[3-9]\\d{9}");
            if (p.driverLicenseClass() != null) {
                assertThat(p.driverLicenseFirstIssue()).isAfterOrEqualTo(p.birthDate().plusYears(18))
                        .isBefore(SyntheticDistrict.AS_OF);
            }
            streets.add(p.division());
        });
        assertThat(streets).isEqualTo(XUHUI_STREETS);
    }

    @Test
    void householdsHaveOneHeadAndUpToFiveMembersSharingNumberAndAddress() {
        List<Household> households = district.households(3_000).toList();
        assertThat(households.stream().mapToInt(h -> h.members().size()).sum()).isEqualTo(3_000);
        assertThat(households.stream().map(Household::id).distinct()).hasSize(households.size());
        for (Household h : households) {
            assertThat(h.id()).matches("H310104\\d{8}");
            assertThat(h.members()).hasSizeBetween(1, 5);
            assertThat(h.members().get(0).relationToHead()).isEqualTo("01");
            assertThat(h.members()).allSatisfy(p -> {
                assertThat(p.householdId()).isEqualTo(h.id());
                assertThat(p.householdAddress()).isEqualTo(h.address());
                assertThat(p.grid()).isEqualTo(h.grid());
            });
            assertThat(h.members().stream().filter(p -> p.relationToHead().equals("01"))).hasSize(1);
            h.members().stream().filter(p -> p.relationToHead().matches("0[34]")).forEach(child -> {
                assertThat(child.birthDate()).isAfter(h.members().get(0).birthDate());
                assertThat(child.gender()).isEqualTo(child.relationToHead().equals("03") ? "1" : "2");
            });
        }
    }

    @Test
    void legalEntitiesHaveValidCreditCodesAndGeneratedRepresentatives() {
        int persons = 50_000;
        Map<String, String> nameById = new HashMap<>();
        district.persons(persons).forEach(p -> nameById.put(p.citizenId(), p.name()));
        List<LegalEntity> entities = district.legalEntities(persons).toList();

        assertThat(entities.size()).isBetween(persons / 15, persons / 7);
        assertThat(entities.stream().map(LegalEntity::creditCode).distinct()).hasSize(entities.size());
        for (LegalEntity e : entities) {
            assertThatCode(() -> CreditCode.parse(e.creditCode())).doesNotThrowAnyException();
            assertThat(e.creditCode()).startsWith("91310104");
            assertThat(IdentityCodes.organizationCodeCheck(e.creditCode().substring(8, 16)))
                    .isEqualTo(e.creditCode().charAt(16));
            assertThat(nameById).containsEntry(e.legalRepCitizenId(), e.legalRepName());
            assertThat(XUHUI_STREETS).contains(e.division());
            assertThat(e.name()).startsWith("上海");
            assertThat(e.type()).isIn("1100", "1200", "4100", "4500");
            assertThat(e.establishedDate()).isBefore(SyntheticDistrict.AS_OF);
            assertThat(e.businessScope()).isNotBlank();
        }
        assertThat(entities).extracting(LegalEntity::creditCode).doesNotContain(DemoSubjects.ENTERPRISE_CREDIT_CODE);
    }

    @Test
    void housesAreOwnedByGeneratedPersons() {
        int persons = 50_000;
        Map<String, String> nameById = new HashMap<>();
        district.persons(persons).forEach(p -> nameById.put(p.citizenId(), p.name()));
        List<SyntheticDistrict.House> houses = district.houses(persons).toList();

        assertThat(houses.size()).isBetween(persons / 5, persons / 3);
        assertThat(houses.stream().map(SyntheticDistrict.House::code).distinct()).hasSize(houses.size());
        assertThat(houses).allSatisfy(h -> {
            assertThat(nameById).containsEntry(h.ownerCitizenId(), h.ownerName());
            assertThat(XUHUI_STREETS).contains(h.division());
            assertThat(h.code()).hasSize(17).startsWith(h.division());
            assertThat(h.use()).isIn("10", "20", "30");
            assertThat(Double.parseDouble(h.area())).isBetween(20.0, 500.0);
            assertThat(h.certNo()).matches("沪\\(20(1[6-9]|2[0-4])\\)徐字不动产权第0\\d{6}号");
        });
    }

    @Test
    void sameSeedGivesTheSameFilesAndAnotherSeedOthers() throws IOException {
        for (SubjectType type : SubjectType.values()) {
            StringBuilder first = new StringBuilder();
            StringBuilder second = new StringBuilder();
            StringBuilder other = new StringBuilder();
            district.writeCsv(type, 2_000, first);
            new SyntheticDistrict(42).writeCsv(type, 2_000, second);
            new SyntheticDistrict(43).writeCsv(type, 2_000, other);
            assertThat(second.toString()).isEqualTo(first.toString());
            assertThat(other.toString()).isNotEqualTo(first.toString());
        }
    }

    @Test
    void csvHasAHeaderOfElementCodesAndOneRowPerSubjectWithFactsTheBaseAccepts() throws IOException {
        StringBuilder csv = new StringBuilder();
        long rows = district.writeCsv(SubjectType.PERSON, 500, csv);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.toString()))) {
            assertThat(parser.getHeaderNames()).isEqualTo(SyntheticDistrict.columns(SubjectType.PERSON))
                    .contains("person.citizen_id", "person.driver_license_first_issue");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(500);
            assertThat(rows).isEqualTo(500);
            assertThat(records).allSatisfy(r -> {
                assertThatCode(() -> CitizenId.parse(r.get("person.citizen_id"))).doesNotThrowAnyException();
                assertThat(r.get("person.birth_date")).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(r.get("person.status")).isEqualTo("1");
                // the facts the base checks: the ID's birth date and gender, assigned mobile segments
                CitizenId id = CitizenId.parse(r.get("person.citizen_id"));
                assertThat(r.get("person.birth_date")).isEqualTo(id.birthDate().toString());
                assertThat(r.get("person.gender")).isEqualTo(id.genderCode());
                assertThat(r.get("person.phone")).satisfiesAnyOf(p -> assertThat(p).isEmpty(),
                        p -> assertThat(org.yiwang.kernel.MobileNumbers.isAssigned(p)).as(p).isTrue());
                assertThat(r.get("person.grid")).startsWith(r.get("person.division")).hasSize(15);
            });
        }
    }

    @Test
    void theFixedDemoSubjectsAreValidAndRelated() {
        CitizenId resident = CitizenId.parse(DemoSubjects.RESIDENT_CITIZEN_ID);
        assertThat(resident.genderCode()).isEqualTo("1").isEqualTo(DemoSubjects.RESIDENT.gender());
        assertThat(resident.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
        assertThat(CreditCode.parse(DemoSubjects.ENTERPRISE_CREDIT_CODE).value()).isEqualTo("91310104MA1FL0QX48");
        assertThat(DemoSubjects.ENTERPRISE.legalRepCitizenId()).isEqualTo(DemoSubjects.RESIDENT_CITIZEN_ID);
        assertThat(DemoSubjects.ENTERPRISE.legalRepName()).isEqualTo("张伟");
        assertThat(DemoSubjects.ENTERPRISE.division()).isEqualTo("310104014");
        assertThat(DemoSubjects.HOUSE.ownerCitizenId()).isEqualTo(DemoSubjects.RESIDENT_CITIZEN_ID);
        assertThat(DemoSubjects.RESIDENT.grid()).startsWith(DemoSubjects.RESIDENT.division());
    }

    @Test
    void checkCharactersFollowTheStandards() {
        assertThat(IdentityCodes.citizenIdCheck("11010519491231002")).isEqualTo('X');
        assertThat(IdentityCodes.creditCodeCheck("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void personToStringNeverShowsTheIdInClear() {
        Person p = DemoSubjects.RESIDENT;
        assertThat(p.toString()).doesNotContain(p.citizenId()).doesNotContain(p.name());
    }
}
