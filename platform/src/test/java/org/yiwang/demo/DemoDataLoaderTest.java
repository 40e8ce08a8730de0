package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.BulkImport;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.basedata.Subjects;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.SubjectType;

/** The demo district as the test profile loads it at start (300 persons plus the fixed demo subjects). */
@IntegrationTest
class DemoDataLoaderTest {

    @Autowired Subjects subjects;
    @Autowired PersonalData personalData;
    @Autowired DemoDataLoader loader;
    @Autowired BulkImport bulkImport;

    @Test
    void theDistrictIsLoadedWithPersonsEntitiesAndHouses() {
        assertThat(subjects.count(SubjectType.PERSON)).isGreaterThanOrEqualTo(301);
        assertThat(subjects.count(SubjectType.LEGAL_ENTITY)).isGreaterThanOrEqualTo(1 + 300 / 15);
        assertThat(subjects.count(SubjectType.HOUSE)).isGreaterThanOrEqualTo(1 + 300 / 5);
    }

    @Test
    void zhangWeiRepresentsHisRestaurantAndOwnsHisFlat() {
        CitizenId zhangWei = CitizenId.parse(DemoSubjects.RESIDENT_CITIZEN_ID);
        assertThat(subjects.entitiesRepresentedBy(zhangWei)).contains(CreditCode.parse(DemoSubjects.ENTERPRISE_CREDIT_CODE));
        assertThat(subjects.housesOwnedBy(zhangWei)).contains(DemoSubjects.HOUSE_CODE);
    }

    @Test
    void generatedPersonsCarryTheirAuthoritativeSource() {
        SyntheticDistrict.Person someone = new SyntheticDistrict(DemoDataLoader.SEED).persons(300).skip(150)
                .findFirst().orElseThrow();
        SubjectView view = personalData.read(Actor.system("310104-GA"), new ReadRequest(
                SubjectRef.person(someone.citizenId()), List.of("person.division", "person.gender"), "DATA_GOVERNANCE",
                true));
        ElementValue division = view.values().get("person.division");
        assertThat(division.value()).isEqualTo(someone.division());
        assertThat(division.provenance().sourceDepartment()).isEqualTo("310104-GA");
        assertThat(division.provenance().method()).isEqualTo(Method.AUTHORITATIVE);
        assertThat(view.value("person.gender")).isEqualTo(someone.gender());
    }

    @Test
    void aRestartLoadsNothingTwice() {
        long persons = subjects.count(SubjectType.PERSON);
        long entities = subjects.count(SubjectType.LEGAL_ENTITY);
        long houses = subjects.count(SubjectType.HOUSE);

        loader.loadOnFirstStart();

        assertThat(subjects.count(SubjectType.PERSON)).isEqualTo(persons);
        assertThat(subjects.count(SubjectType.LEGAL_ENTITY)).isEqualTo(entities);
        assertThat(subjects.count(SubjectType.HOUSE)).isEqualTo(houses);
    }

    @Test
    void theShippedDemoFileImportsFiftyPersonsAndRejectsThreeRows() throws Exception {
        ImportReport report;
        try (InputStream in = getClass().getResourceAsStream("/demo/persons-demo.csv")) {
            report = bulkImport.importFile(Actor.system("310000-DSJ"), SubjectType.PERSON, "csv", in,
                    Attribution.of("310104-GA", Method.AUTHORITATIVE, "DATA_GOVERNANCE", "demo file"));
        }
        assertThat(report.imported()).isEqualTo(50);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.problems()).extracting(ImportReport.RowProblem::row, ImportReport.RowProblem::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(13L, "person.citizen_id"),
                        org.assertj.core.groups.Tuple.tuple(28L, "person.gender"),
                        org.assertj.core.groups.Tuple.tuple(42L, "person.birth_date"));
    }
}
