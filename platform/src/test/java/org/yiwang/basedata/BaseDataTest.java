package org.yiwang.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.DivisionCode;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Role;

/** The write path, authority resolution, encryption at rest and the read path on one real PostgreSQL. */
@IntegrationTest
@RecordApplicationEvents
class BaseDataTest {

    static final Actor POLICE = new Actor("ga-officer", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());
    static final Actor CLERK = new Actor("clerk-t", Role.WINDOW_CLERK, "310104-ZWFW", null, null, Set.of());
    static final Actor CIVIL_AFFAIRS = new Actor("mz-officer", Role.DEPARTMENT_OFFICER, "310104-MZ", null, null, Set.of());

    @Autowired Facts facts;
    @Autowired PersonalData personalData;
    @Autowired JdbcClient jdbc;
    @Autowired FieldCipher cipher;
    @Autowired ApplicationEvents events;

    static Attribution police(String reason) {
        return Attribution.of("310104-GA", Method.AUTHORITATIVE, "PERSON_REGISTRY", reason);
    }

    String registerPerson(String street) {
        String id = TestSubjects.citizenId();
        facts.write(POLICE, SubjectRef.person(id), List.of(
                new Fact("person.name", "王小明"), new Fact("person.gender", CitizenId.parse(id).genderCode()),
                new Fact("person.birth_date", CitizenId.parse(id).birthDate().toString()),
                new Fact("person.phone", "13912345678"), new Fact("person.division", street),
                new Fact("person.ethnicity", "01")), police("household registration"));
        return id;
    }

    @Test
    void aWindowClerkReadsWhatTheDemandListGrantsWithProvenanceAndMasking() {
        String id = registerPerson("310104014");

        SubjectView view = personalData.read(CLERK, new ReadRequest(SubjectRef.person(id),
                List.of("person.citizen_id", "person.name", "person.phone", "person.gender"), "WINDOW_SERVICE", false));

        assertThat(view.value("person.citizen_id")).isEqualTo(id); // granted in clear
        assertThat(view.value("person.phone")).isEqualTo("13912345678");
        assertThat(view.value("person.name")).isEqualTo("王**"); // sensitive, not granted in clear
        assertThat(view.values().get("person.name").masked()).isTrue();
        assertThat(view.values().get("person.gender").provenance().sourceDepartment()).isEqualTo("310104-GA");
        assertThat(view.values().get("person.gender").provenance().method()).isEqualTo(Method.AUTHORITATIVE);
        // phone's responsible department is the service center: the police's claim counts as collected
        assertThat(view.values().get("person.phone").provenance().method()).isEqualTo(Method.COLLECTED);
    }

    @Test
    void identifiersAreEncryptedAtRestAndFoundThroughTheBlindIndex() {
        String id = registerPerson("310104014");

        String attrs = jdbc.sql("SELECT attrs::text FROM basedata_subject WHERE key_idx = ?")
                .param(cipher.blindIndex(id)).query(String.class).single();
        assertThat(attrs).doesNotContain(id).doesNotContain("13912345678").contains("王小明");
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_subject WHERE phone_idx = ?")
                .param(cipher.blindIndex("13912345678")).query(Long.class).single()).isPositive();
        String history = jdbc.sql("SELECT string_agg(changes::text, '') FROM basedata_change c JOIN basedata_subject s "
                + "ON s.id = c.subject_id WHERE s.key_idx = ?").param(cipher.blindIndex(id)).query(String.class).single();
        assertThat(history).doesNotContain(id).doesNotContain("13912345678");
    }

    @Test
    void authoritativeValuesBeatSelfDeclaredOnesAndConflictsAreKept() {
        String id = registerPerson("310104014");
        Actor resident = new Actor("res", Role.RESIDENT, null, null, CitizenId.parse(id), Set.of());

        WriteResult declared = facts.write(resident, SubjectRef.person(id), List.of(new Fact("person.name", "王晓明")),
                Attribution.of(null, Method.SELF_DECLARED, "SELF_SERVICE", "typed in an application"));
        assertThat(declared.conflicts()).containsExactly("person.name");
        assertThat(declared.changed()).isEmpty();

        Dossier dossier = personalData.dossier(resident, SubjectRef.person(id), "SELF_SERVICE");
        assertThat(dossier.current().value("person.name")).isEqualTo("王小明");
        assertThat(dossier.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.offeredValue()).isEqualTo("王晓明");
            assertThat(c.offered().method()).isEqualTo(Method.SELF_DECLARED);
            assertThat(c.current().method()).isEqualTo(Method.AUTHORITATIVE);
        });

        // a self-declared value where the base has none is accepted, and a newer authoritative one replaces it
        facts.write(resident, SubjectRef.person(id), List.of(new Fact("person.marital_status", "10")),
                Attribution.of(null, Method.SELF_DECLARED, "SELF_SERVICE", "declared"));
        facts.write(CIVIL_AFFAIRS, SubjectRef.person(id), List.of(new Fact("person.marital_status", "20")),
                Attribution.of("310104-MZ", Method.AUTHORITATIVE, "MARRIAGE_REGISTRY", "marriage registered"));
        Dossier after = personalData.dossier(resident, SubjectRef.person(id), "SELF_SERVICE");
        assertThat(after.current().value("person.marital_status")).isEqualTo("20");
        assertThat(after.history()).anySatisfy(h -> assertThat(h.changes())
                .contains(new Dossier.ValueChange("person.marital_status", "10", "20")));
    }

    @Test
    void everyAcceptedChangeIsAnnouncedWithoutValues() {
        String id = registerPerson("310104011");

        assertThat(events.stream(SubjectChanged.class))
                .anySatisfy(e -> {
                    assertThat(e.elements()).contains("person.name", "person.phone");
                    assertThat(e.divisionCode()).isEqualTo("310104011");
                    assertThat(e.toString()).doesNotContain(id).doesNotContain("13912345678");
                });
    }

    @Test
    void aLegacyFifteenDigitIdIsUpgradedTo18() {
        String id;
        do {
            id = TestSubjects.citizenId();
        } while (!id.startsWith("19", 6)); // 15-digit numbers were issued to people born in the 1900s
        String legacy = id.substring(0, 6) + id.substring(8, 17); // drop the century and the check digit
        facts.write(POLICE, SubjectRef.person(legacy), List.of(new Fact("person.division", "310104014")), police("legacy"));

        assertThat(personalData.read(POLICE, new ReadRequest(SubjectRef.person(id), List.of("person.citizen_id"),
                "PERSON_REGISTRY", false)).value("person.citizen_id")).isEqualTo(id);
    }

    @Test
    void invalidFactsAreAllNamedAndNothingIsWritten() {
        String id = TestSubjects.citizenId();

        assertThatThrownBy(() -> facts.write(POLICE, SubjectRef.person(id), List.of(
                new Fact("person.gender", "7"), new Fact("person.birth_date", "yesterday"),
                new Fact("person.no_such_element", "x")), police("bad")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field, InvalidInputException.Violation::rule)
                        .contains(org.assertj.core.groups.Tuple.tuple("person.gender", "code-table"),
                                org.assertj.core.groups.Tuple.tuple("person.no_such_element", "unknown-element")));
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_subject WHERE key_idx = ?").param(cipher.blindIndex(id))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDepartmentMayNotWriteInAnotherDepartmentsName() {
        String id = registerPerson("310104014");

        assertThatThrownBy(() -> facts.write(CLERK, SubjectRef.person(id), List.of(new Fact("person.name", "李四")),
                police("pretending")))
                .isInstanceOfSatisfying(AccessDeniedProblem.class, e -> assertThat(e.reason()).isEqualTo("ATTRIBUTION"));
    }

    @Test
    void aGridWorkerSeesOnlyTheirStreet() {
        Actor grid = new Actor("grid-t", Role.GRID_WORKER, "310104014-JD", DivisionCode.of("310104014"), null, Set.of());
        String inStreet = registerPerson("310104014");
        String elsewhere = registerPerson("310104011");

        assertThat(personalData.read(grid, new ReadRequest(SubjectRef.person(inStreet), List.of("person.name"),
                "GRASSROOTS_GOVERNANCE", false)).value("person.name")).isEqualTo("王**");
        assertThatThrownBy(() -> personalData.read(grid, new ReadRequest(SubjectRef.person(elsewhere),
                List.of("person.name"), "GRASSROOTS_GOVERNANCE", false)))
                .isInstanceOfSatisfying(AccessDeniedProblem.class, e -> assertThat(e.reason()).isEqualTo("OUT_OF_SCOPE"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE subject_key = ? AND reason = 'OUT_OF_SCOPE'")
                .param(cipher.blindIndexHex(elsewhere)).query(Long.class).single()).isEqualTo(1);
    }

    @Autowired BulkImport imports;

    @Test
    void aGridWorkersFileCannotReachResidentsOfAnotherStreet() throws Exception {
        Actor grid = new Actor("grid-i", Role.GRID_WORKER, "310104014-JD", DivisionCode.of("310104014"), null, Set.of());
        String elsewhere = registerPerson("310104011");
        String mine = registerPerson("310104014");
        String csv = "person.citizen_id,person.phone,person.division\n"
                + elsewhere + ",13800000000,310104014\n" + mine + ",13800000001,310104014\n";

        ImportReport report = imports.importFile(grid, org.yiwang.kernel.SubjectType.PERSON, "csv",
                new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Attribution.of("310104014-JD", Method.COLLECTED, "GRASSROOTS_GOVERNANCE", "door-to-door survey"));

        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(2);
            assertThat(p.rule()).isEqualTo("OUT_OF_SCOPE");
        });
        assertThat(personalData.read(POLICE, new ReadRequest(SubjectRef.person(elsewhere),
                List.of("person.division"), "PERSON_REGISTRY", false)).value("person.division"))
                .isEqualTo("310104011");
    }

    @Test
    void aSubjectWithoutDivisionIsOutsideEveryTerritorialScope() {
        String id = TestSubjects.citizenId();
        facts.write(POLICE, SubjectRef.person(id), List.of(new Fact("person.name", "无址人")), police("no address yet"));
        Actor grid = new Actor("grid-n", Role.GRID_WORKER, "310104014-JD", DivisionCode.of("310104014"), null, Set.of());

        assertThatThrownBy(() -> personalData.read(grid, new ReadRequest(SubjectRef.person(id), List.of("person.name"),
                "GRASSROOTS_GOVERNANCE", false)))
                .isInstanceOfSatisfying(AccessDeniedProblem.class, e -> assertThat(e.reason()).isEqualTo("OUT_OF_SCOPE"));
    }

    @Test
    void readingAHouseOwnersIdIsListedForTheOwner() {
        String owner = registerPerson("310104014");
        String house = TestSubjects.houseCode("310104014");
        Actor housing = new Actor("fg", Role.DEPARTMENT_OFFICER, "310104-FG", null, null, Set.of());
        facts.write(housing, SubjectRef.house(house), List.of(new Fact("house.owner_citizen_id", owner),
                new Fact("house.division", "310104014")),
                Attribution.of("310104-FG", Method.AUTHORITATIVE, "HOUSE_REGISTRY", "registration"));
        Actor tax = new Actor("swj", Role.DEPARTMENT_OFFICER, "310104-SWJ", null, null, Set.of());

        personalData.read(tax, new ReadRequest(SubjectRef.house(house), List.of("house.owner_citizen_id"),
                "HOUSE_SALE_TAX", false));

        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE subject_key = ? AND actor_department = '310104-SWJ'")
                .param(cipher.blindIndexHex(owner)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theNegativeListRefusesAndTheRefusalIsAudited() {
        String id = registerPerson("310104014");
        Actor health = new Actor("wjw", Role.DEPARTMENT_OFFICER, "310104-WJW", null, null, Set.of());
        facts.write(health, SubjectRef.person(id), List.of(new Fact("person.health_condition", "高血压")),
                Attribution.of("310104-WJW", Method.AUTHORITATIVE, "HEALTH_RECORD", "clinic"));
        Actor admin = new Actor("dsj", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());

        assertThatThrownBy(() -> personalData.read(admin, new ReadRequest(SubjectRef.person(id),
                List.of("person.name", "person.health_condition"), "DATA_GOVERNANCE", false)))
                .isInstanceOfSatisfying(AccessDeniedProblem.class, e -> {
                    assertThat(e.reason()).isEqualTo("NEGATIVE_LIST");
                    assertThat(e.field()).isEqualTo("person.health_condition");
                });
        // a partial read gives the rest and names the refused element
        SubjectView partial = personalData.read(admin, new ReadRequest(SubjectRef.person(id),
                List.of("person.name", "person.health_condition"), "DATA_GOVERNANCE", true));
        assertThat(partial.values()).containsKey("person.name");
        assertThat(partial.denied()).containsEntry("person.health_condition", "NEGATIVE_LIST");
        // the person themself still sees it
        Actor self = new Actor("me", Role.RESIDENT, null, null, CitizenId.parse(id), Set.of());
        assertThat(personalData.read(self, new ReadRequest(SubjectRef.person(id), List.of("person.health_condition"),
                null, false)).value("person.health_condition")).isEqualTo("高血压");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE subject_key = ? AND reason = 'NEGATIVE_LIST' AND NOT allowed")
                .param(cipher.blindIndexHex(id)).query(Long.class).single()).isEqualTo(1);
    }
}
