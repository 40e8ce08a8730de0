package org.yiwang.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yiwang.IntegrationTest;
import org.yiwang.TestSubjects;
import org.yiwang.basedata.Dossier;
import org.yiwang.basedata.ElementValue;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.Subjects;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.FieldCipher;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.SubjectType;
import org.yiwang.licenses.Verification.Result;

/** Issuing, signing, verifying, replacing and revoking licenses, and the facts they feed into the base. */
@IntegrationTest
@RecordApplicationEvents
class LicensesTest {

    static final Actor POLICE = new Actor("lic-ga", Role.DEPARTMENT_OFFICER, "310104-GA", null, null, Set.of());
    static final Actor CIVIL_AFFAIRS = new Actor("lic-mz", Role.DEPARTMENT_OFFICER, "310104-MZ", null, null, Set.of());
    static final Actor HOUSING = new Actor("lic-fg", Role.DEPARTMENT_OFFICER, "310104-FG", null, null, Set.of());
    static final Actor MARKET = new Actor("lic-scjg", Role.DEPARTMENT_OFFICER, "310104-SCJG", null, null, Set.of());
    static final Actor ADMIN = new Actor("lic-admin", Role.DATA_ADMIN, "310000-DSJ", null, null, Set.of());

    @Autowired Licenses licenses;
    @Autowired PersonalData personalData;
    @Autowired Subjects subjects;
    @Autowired JdbcClient jdbc;
    @Autowired FieldCipher cipher;
    @Autowired ApplicationEvents events;

    static License driverLicense(Licenses licenses, String citizenId) {
        return licenses.issue(POLICE, new IssueRequest("DRIVER_LICENSE", SubjectType.PERSON, citizenId, "王小明",
                Map.of("class", "C1", "first_issue", "2012-05-04"), null, "test"));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void anIssuedLicenseVerifiesAsValidShowingOnlyItsFaceWithTheHolderMasked() {
        String id = TestSubjects.citizenId();
        License license = driverLicense(licenses, id);

        assertThat(license.id()).matches("1\\.2\\.156\\.3005\\.2\\.103\\.310104GA\\.\\d{8}\\.001\\.[0-9A-Z]");
        assertThat(license.validUntil()).isEqualTo(today().plusYears(6));
        Verification verification = licenses.verify(license.id());
        assertThat(verification.result()).isEqualTo(Result.VALID);
        assertThat(verification.typeName()).isEqualTo("机动车驾驶证");
        assertThat(verification.issuer()).isEqualTo("上海市公安局徐汇分局");
        assertThat(verification.holderName()).isEqualTo("王**");
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).extracting(License::id).containsExactly(license.id());
        assertThat(events.stream(LicenseIssued.class).filter(e -> e.licenseId().equals(license.id()))).hasSize(1);
    }

    @Test
    void aRevokedLicenseVerifiesAsRevokedAndIsNoLongerHeld() {
        String id = TestSubjects.citizenId();
        License license = driverLicense(licenses, id);

        License revoked = licenses.revoke(POLICE, license.id(), "驾驶证被吊销");

        assertThat(revoked.status()).isEqualTo(License.Status.REVOKED);
        assertThat(licenses.verify(license.id()).result()).isEqualTo(Result.REVOKED);
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).isEmpty();
        assertThat(licenses.require(license.id()).status()).isEqualTo(License.Status.REVOKED);
        assertThatThrownBy(() -> licenses.revoke(POLICE, license.id(), "again"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRowAlteredInTheDatabaseVerifiesAsForged() {
        License license = driverLicense(licenses, TestSubjects.citizenId());

        jdbc.sql("UPDATE licenses_license SET fields = jsonb_set(fields, '{class}', '\"A1\"') WHERE id = ?")
                .param(license.id()).update();

        Verification verification = licenses.verify(license.id());
        assertThat(verification.result()).isEqualTo(Result.FORGED);
        assertThat(verification.typeName()).isNull();
        assertThat(verification.holderName()).isNull();
    }

    @Test
    void aLaterValidityDateSetInTheDatabaseIsForgedToo() {
        License license = driverLicense(licenses, TestSubjects.citizenId());

        jdbc.sql("UPDATE licenses_license SET valid_until = valid_until + 3650 WHERE id = ?").param(license.id()).update();

        assertThat(licenses.verify(license.id()).result()).isEqualTo(Result.FORGED);
    }

    @Test
    void aWrongCheckCharacterIsForgedAndAWellFormedUnknownIdIsUnknown() {
        License license = driverLicense(licenses, TestSubjects.citizenId());
        String id = license.id();
        char check = id.charAt(id.length() - 1);
        String wrong = id.substring(0, id.length() - 1) + (check == '0' ? '1' : '0');

        assertThat(licenses.verify(wrong).result()).isEqualTo(Result.FORGED);
        assertThat(licenses.verify("not a license").result()).isEqualTo(Result.FORGED);
        // lower case and surrounding blanks, as typed by hand, are the same identifier
        assertThat(licenses.verify(" " + id.toLowerCase() + " ").result()).isEqualTo(Result.VALID);
    }

    @Test
    void aChangeKeepsTheSerialTakesTheNextVersionAndSupersedesTheOldOne() {
        String id = TestSubjects.citizenId();
        License first = driverLicense(licenses, id);

        License second = licenses.issue(POLICE, new IssueRequest("DRIVER_LICENSE", SubjectType.PERSON, id, "王小明",
                Map.of("class", "C1,D"), first.id(), "增驾"));

        String serial = first.id().split("\\.")[7];
        assertThat(second.id().split("\\.")[7]).isEqualTo(serial);
        assertThat(second.id().split("\\.")[8]).isEqualTo("002");
        assertThat(second.fields()).containsEntry("class", "C1,D").containsEntry("first_issue", "2012-05-04");
        assertThat(licenses.verify(first.id()).result()).isEqualTo(Result.SUPERSEDED);
        assertThat(licenses.verify(second.id()).result()).isEqualTo(Result.VALID);
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).extracting(License::id).containsExactly(second.id());
        assertThat(events.stream(LicenseIssued.class).filter(e -> e.licenseId().equals(second.id())))
                .singleElement().extracting(LicenseIssued::replaces).isEqualTo(first.id());
        // a superseded version cannot be replaced again, nor someone else's license
        assertThatThrownBy(() -> licenses.issue(POLICE, new IssueRequest("DRIVER_LICENSE", SubjectType.PERSON, id,
                "王小明", Map.of(), first.id(), "again")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::rule).contains("not-valid"));
        assertThatThrownBy(() -> licenses.issue(POLICE, new IssueRequest("DRIVER_LICENSE", SubjectType.PERSON,
                TestSubjects.citizenId(), "李四", Map.of(), second.id(), "not theirs")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(InvalidInputException.Violation::rule).contains("same-holder"));
    }

    @Test
    void onlyTheIssuingDepartmentIssuesAndNothingIsWrittenOtherwise() {
        String id = TestSubjects.citizenId();

        assertThatThrownBy(() -> licenses.issue(MARKET, new IssueRequest("MARRIAGE_CERT", SubjectType.PERSON, id, "王小明",
                Map.of("marital_status", "20"), null, "wrong department")))
                .isInstanceOf(AccessDeniedProblem.class);

        assertThat(licenses.heldBy(SubjectType.PERSON, id)).isEmpty();
        assertThatThrownBy(() -> personalData.read(ADMIN, new ReadRequest(SubjectRef.person(id),
                List.of("person.marital_status"), "DATA_GOVERNANCE", true))).isInstanceOf(NotFoundProblem.class);
    }

    @Test
    void invalidFieldsAreRefusedNamingEachAndNothingIsWritten() {
        String id = TestSubjects.citizenId();

        assertThatThrownBy(() -> licenses.issue(POLICE, new IssueRequest("ID_CARD", SubjectType.PERSON, id, "王小明",
                Map.of("gender", "7", "ethnicity", "01", "birth_date", "1990-02-30", "shoe_size", "42"), null, "bad")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .contains("fields.gender:code-table", "fields.address:required", "fields.shoe_size:unknown-field")
                        .anyMatch(s -> s.startsWith("fields.birth_date:")));
        assertThatThrownBy(() -> licenses.issue(POLICE, new IssueRequest("ID_CARD", SubjectType.PERSON,
                TestSubjects.withWrongCheckDigit(id), "王小明", Map.of(), null, "bad key")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule()).contains("holderKey:check-digit"));
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).isEmpty();
    }

    @Test
    void issuingWritesTheFactsItStatesIntoTheBaseAsTheIssuersAuthoritativeValues() {
        String id = TestSubjects.citizenId();
        CitizenId citizen = CitizenId.parse(id);
        licenses.issue(POLICE, new IssueRequest("ID_CARD", SubjectType.PERSON, id, "赵敏",
                Map.of("gender", citizen.genderCode(), "ethnicity", "11", "birth_date", citizen.birthDate().toString(),
                        "address", "上海市徐汇区漕溪北路1号"), null, "首次申领"));
        licenses.issue(CIVIL_AFFAIRS, new IssueRequest("MARRIAGE_CERT", SubjectType.PERSON, id, "赵敏",
                Map.of("marital_status", "21"), null, "结婚登记"));

        // read back as the person themself, who sees their own data in clear
        Actor self = new Actor("lic-self", Role.RESIDENT, null, null, citizen, Set.of());
        Dossier dossier = personalData.dossier(self, SubjectRef.person(id), "SELF_SERVICE");
        ElementValue ethnicity = dossier.current().values().get("person.ethnicity");
        assertThat(ethnicity.value()).isEqualTo("11");
        assertThat(ethnicity.provenance().sourceDepartment()).isEqualTo("310104-GA");
        assertThat(ethnicity.provenance().method()).isEqualTo(Method.AUTHORITATIVE);
        assertThat(dossier.current().values().get("person.name").value()).isEqualTo("赵敏");
        ElementValue marital = dossier.current().values().get("person.marital_status");
        assertThat(marital.value()).isEqualTo("21");
        assertThat(marital.provenance().sourceDepartment()).isEqualTo("310104-MZ");
        assertThat(marital.provenance().method()).isEqualTo(Method.AUTHORITATIVE);
        assertThat(dossier.history()).anyMatch(h -> h.reason() != null && h.reason().contains("结婚登记"));
    }

    @Test
    void aPropertyCertificateDescribesTheHouseAndMakesTheHolderItsOwner() {
        String id = TestSubjects.citizenId();
        String house = "310104" + id.substring(6, 17);

        licenses.issue(HOUSING, new IssueRequest("PROPERTY_CERT", SubjectType.PERSON, id, "钱多多",
                Map.of("house_code", house, "address", "上海市徐汇区天钥桥路100弄2号301室", "area", "72.30", "use", "10",
                        "cert_no", "沪(2026)徐字不动产权第0099999号"), null, "转移登记"));

        assertThat(subjects.housesOwnedBy(CitizenId.parse(id))).contains(house);
        Dossier dossier = personalData.dossier(ADMIN, SubjectRef.house(house), "DATA_GOVERNANCE");
        assertThat(dossier.current().values().get("house.area").value()).isEqualTo("72.3");
        assertThat(dossier.current().values().get("house.area").provenance().method()).isEqualTo(Method.AUTHORITATIVE);
        // nothing about the house is filed under the person
        assertThatThrownBy(() -> personalData.read(ADMIN, new ReadRequest(SubjectRef.person(id), List.of("person.name"),
                "DATA_GOVERNANCE", true))).isInstanceOf(NotFoundProblem.class);
    }

    static License propertyCert(Licenses licenses, String citizenId, String name, String house) {
        return licenses.issue(HOUSING, new IssueRequest("PROPERTY_CERT", SubjectType.PERSON, citizenId, name,
                Map.of("house_code", house, "address", "上海市徐汇区宛平路22弄5号301室", "area", "76.30", "use", "10",
                        "cert_no", "沪(2026)徐字不动产权第0" + house.substring(11) + "号"), null, "转移登记"));
    }

    long validCertificatesOf(String house) {
        return jdbc.sql("SELECT count(*) FROM licenses_license WHERE type_code = 'PROPERTY_CERT' AND status = 'VALID' "
                + "AND fields ->> 'house_code' = ?").param(house).query(Long.class).single();
    }

    @Test
    void aHouseSoldSupersedesTheSellersCertificateWhenTheBuyersIsIssued() {
        String seller = TestSubjects.citizenId();
        String buyer = TestSubjects.citizenId();
        String house = TestSubjects.houseCode("310104014");
        String buyersOtherHouse = TestSubjects.houseCode("310104014");
        License sellers = propertyCert(licenses, seller, "赵敏", house);
        License othersHouse = propertyCert(licenses, buyer, "钱进", buyersOtherHouse);

        License buyers = propertyCert(licenses, buyer, "钱进", house);

        assertThat(licenses.require(sellers.id()).status()).isEqualTo(License.Status.SUPERSEDED);
        assertThat(licenses.verify(sellers.id()).result()).isEqualTo(Result.SUPERSEDED);
        assertThat(licenses.heldBy(SubjectType.PERSON, seller)).isEmpty();
        // a person may own several houses: the buyer's other certificate stays valid
        assertThat(licenses.heldBy(SubjectType.PERSON, buyer)).extracting(License::id)
                .containsExactlyInAnyOrder(buyers.id(), othersHouse.id());
        assertThat(validCertificatesOf(house)).isEqualTo(1L);
        assertThat(subjects.housesOwnedBy(CitizenId.parse(buyer))).contains(house);
    }

    @Test
    void aSecondValidLicenseOfASingleValuedTypeIsRefusedNamingTheRuleAndNothingIsWritten() {
        String id = TestSubjects.citizenId();
        License first = driverLicense(licenses, id);
        long rows = jdbc.sql("SELECT count(*) FROM licenses_license").query(Long.class).single();

        assertThatThrownBy(() -> driverLicense(licenses, id))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.violations()).extracting(v -> v.field() + ":" + v.rule())
                            .containsExactly("holderKey:one-valid-per-holder");
                    assertThat(e.violations().get(0).args()).contains(first.id());
                });

        assertThat(jdbc.sql("SELECT count(*) FROM licenses_license").query(Long.class).single()).isEqualTo(rows);
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).extracting(License::id).containsExactly(first.id());
        assertThat(licenses.require(first.id()).status()).isEqualTo(License.Status.VALID);
    }

    @Test
    void theDatabaseItselfRefusesTwoValidLicensesOfOneHolderOrOneHouse() {
        String id = TestSubjects.citizenId();
        License first = driverLicense(licenses, id);
        licenses.issue(POLICE, new IssueRequest("DRIVER_LICENSE", SubjectType.PERSON, id, "王小明",
                Map.of("class", "C1,D"), first.id(), "增驾"));
        String house = TestSubjects.houseCode("310104014");
        License sellers = propertyCert(licenses, TestSubjects.citizenId(), "赵敏", house);
        propertyCert(licenses, TestSubjects.citizenId(), "钱进", house);

        // what a racing second issue would leave behind, written past the service: the partial unique indexes refuse it
        assertThatThrownBy(() -> jdbc.sql("UPDATE licenses_license SET status = 'VALID' WHERE id = ?")
                .param(first.id()).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE licenses_license SET status = 'VALID' WHERE id = ?")
                .param(sellers.id()).update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(licenses.require(first.id()).status()).isEqualTo(License.Status.SUPERSEDED);
        assertThat(validCertificatesOf(house)).isEqualTo(1L);
    }

    @Test
    void twoIssuesRacingForOneHolderLeaveOneValidLicenseAndRefuseTheOther() throws Exception {
        String id = TestSubjects.citizenId();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<License>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return driverLicense(licenses, id);
                }));
            }
            start.countDown();
            int issued = 0;
            int refused = 0;
            for (var result : results) {
                try {
                    result.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    issued++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
                        assertThat(refusal.status()).isEqualTo(409);
                        assertThat(refusal.violations().get(0).rule()).isEqualTo("one-valid-per-holder");
                    });
                    refused++;
                }
            }
            assertThat(issued).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(licenses.heldBy(SubjectType.PERSON, id)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM licenses_license WHERE holder_idx = ?").param(cipher.blindIndex(id))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aChangeOfOneHousesCertificateCannotBecomeAnotherHouses() {
        String owner = TestSubjects.citizenId();
        License mine = propertyCert(licenses, owner, "孙丽", TestSubjects.houseCode("310104014"));
        String otherHouse = TestSubjects.houseCode("310104014");

        assertThatThrownBy(() -> licenses.issue(HOUSING, new IssueRequest("PROPERTY_CERT", SubjectType.PERSON, owner,
                "孙丽", Map.of("house_code", otherHouse), mine.id(), "更正")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule()).contains("replaces:same-subject"));
        assertThat(licenses.require(mine.id()).status()).isEqualTo(License.Status.VALID);
        assertThat(validCertificatesOf(otherHouse)).isZero();
    }

    @Test
    void holderKeysAreEncryptedAtRestAndFoundThroughTheBlindIndex() {
        String id = TestSubjects.citizenId();
        License license = driverLicense(licenses, id);

        byte[] stored = jdbc.sql("SELECT holder_key FROM licenses_license WHERE id = ?").param(license.id())
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM licenses_license WHERE holder_idx = ?").param(cipher.blindIndex(id))
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM licenses_signing_key WHERE department_code = '310104-GA'")
                .query(Long.class).single()).isEqualTo(1L);
    }
}
