package org.yiwang.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.yiwang.kernel.Masking;
import org.yiwang.kernel.SubjectType;

/**
 * A synthetic 徐汇区 (310104): households of persons with valid and unique citizen ID numbers, Chinese names, real
 * street and community codes and synthetic addresses, legal entities with valid credit codes represented by
 * generated persons, and houses owned by generated persons.
 * <p>
 * Deterministic: the same seed and size give the same subjects, byte for byte. Streaming: subjects are generated
 * household by household as the stream is consumed, so a million persons never sit in memory. Entities and houses
 * belong to the households that generate them, so {@code legalEntities(n)} and {@code houses(n)} are the ones
 * related to the persons of {@code persons(n)} (each re-runs the same generation).
 */
public final class SyntheticDistrict {

    /** The generator's "today": ages, licences and establishment dates are computed as of this day. */
    public static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    private static final List<String> PERSON_COLUMNS = List.of(
            "person.citizen_id", "person.name", "person.gender", "person.ethnicity", "person.birth_date",
            "person.phone", "person.household_address", "person.residence_address", "person.division",
            "person.grid", "person.household_id", "person.relation_to_head", "person.marital_status",
            "person.education", "person.status", "person.driver_license_class",
            "person.driver_license_first_issue");
    private static final List<String> ENTITY_COLUMNS = List.of(
            "entity.credit_code", "entity.name", "entity.type", "entity.legal_rep_name",
            "entity.legal_rep_citizen_id", "entity.address", "entity.division", "entity.business_scope",
            "entity.registered_capital", "entity.established_date", "entity.status", "entity.phone");
    private static final List<String> HOUSE_COLUMNS = List.of(
            "house.code", "house.address", "house.division", "house.area", "house.use", "house.owner_citizen_id",
            "house.owner_name", "house.cert_no");

    /** A generated subject: one row of an import file. */
    public sealed interface Subject permits Person, LegalEntity, House {

        SubjectType subjectType();

        /** Its key: citizen ID, credit code or house code. */
        String key();

        /** The values in the order of {@link #columns(SubjectType)}; empty text where the subject has no value. */
        List<String> values();
    }

    /** A person (人口). Dates are ISO-8601; codes per GB/T 2261.1, GB/T 3304, GB/T 2261.2, GB/T 4658. */
    public record Person(String citizenId, String name, String gender, String ethnicity, LocalDate birthDate,
                         String phone, String householdAddress, String residenceAddress, String division, String grid,
                         String householdId, String relationToHead, String maritalStatus, String education,
                         String status, String driverLicenseClass, LocalDate driverLicenseFirstIssue)
            implements Subject {

        @Override
        public SubjectType subjectType() {
            return SubjectType.PERSON;
        }

        @Override
        public String key() {
            return citizenId;
        }

        @Override
        public List<String> values() {
            return Arrays.asList(citizenId, name, gender, ethnicity, birthDate.toString(), text(phone),
                    householdAddress, residenceAddress, division, grid, householdId, relationToHead, maritalStatus,
                    education, status, text(driverLicenseClass), text(driverLicenseFirstIssue));
        }

        @Override
        public String toString() {
            return "Person[" + Masking.citizenId(citizenId) + "]";
        }
    }

    /** A legal entity (法人) and its legal representative, a generated person. */
    public record LegalEntity(String creditCode, String name, String type, String legalRepName,
                              String legalRepCitizenId, String address, String division, String businessScope,
                              String registeredCapital, LocalDate establishedDate, String status, String phone)
            implements Subject {

        @Override
        public SubjectType subjectType() {
            return SubjectType.LEGAL_ENTITY;
        }

        @Override
        public String key() {
            return creditCode;
        }

        @Override
        public List<String> values() {
            return Arrays.asList(creditCode, name, type, legalRepName, legalRepCitizenId, address, division,
                    businessScope, registeredCapital, establishedDate.toString(), status, phone);
        }

        @Override
        public String toString() {
            return "LegalEntity[" + creditCode + "]";
        }
    }

    /** A house (房屋) and its owner, a generated person. Area in m², use per the house_use code table. */
    public record House(String code, String address, String division, String area, String use,
                        String ownerCitizenId, String ownerName, String certNo) implements Subject {

        @Override
        public SubjectType subjectType() {
            return SubjectType.HOUSE;
        }

        @Override
        public String key() {
            return code;
        }

        @Override
        public List<String> values() {
            return List.of(code, address, division, area, use, ownerCitizenId, ownerName, certNo);
        }

        @Override
        public String toString() {
            return "House[" + code + "]";
        }
    }

    /**
     * A household (户): its members (the head first), the house it owns if any, and the legal entities its members
     * represent.
     */
    public record Household(String id, String division, String grid, String address, List<Person> members,
                            List<House> houses, List<LegalEntity> entities) {}

    private final long seed;

    public SyntheticDistrict(long seed) {
        this.seed = seed;
    }

    /** The import file columns (data element codes) of a subject type. */
    public static List<String> columns(SubjectType type) {
        return switch (type) {
            case PERSON -> PERSON_COLUMNS;
            case LEGAL_ENTITY -> ENTITY_COLUMNS;
            case HOUSE -> HOUSE_COLUMNS;
        };
    }

    /** Households holding exactly {@code persons} persons in all (the last one may be cut short). */
    public Stream<Household> households(int persons) {
        Iterator<Household> run = new DistrictRun(seed, persons, DemoSubjects.reservedKeys());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(run, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    public Stream<Person> persons(int persons) {
        return households(persons).flatMap(h -> h.members().stream());
    }

    /** The legal entities represented by the persons of {@code persons(persons)} (about one per ten persons). */
    public Stream<LegalEntity> legalEntities(int persons) {
        return households(persons).flatMap(h -> h.entities().stream());
    }

    /** The houses owned by the persons of {@code persons(persons)} (about one per four persons). */
    public Stream<House> houses(int persons) {
        return households(persons).flatMap(h -> h.houses().stream());
    }

    /** The subjects of a type related to the first {@code persons} persons. */
    public Stream<? extends Subject> subjects(SubjectType type, int persons) {
        return switch (type) {
            case PERSON -> persons(persons);
            case LEGAL_ENTITY -> legalEntities(persons);
            case HOUSE -> houses(persons);
        };
    }

    /**
     * Writes the subjects of a type related to the first {@code persons} persons as an import file: CSV with a header
     * row of data element codes. The caller chooses the encoding of {@code out} (imports expect UTF-8).
     *
     * @return the number of rows written
     */
    public long writeCsv(SubjectType type, int persons, Appendable out) throws IOException {
        return writeCsv(type, subjects(type, persons), out);
    }

    /** Writes the given subjects of one type as an import file (header row of element codes); flushes, keeps open. */
    public static long writeCsv(SubjectType type, Stream<? extends Subject> subjects, Appendable out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns(type).toArray(String[]::new))
                .setRecordSeparator('\n').get();
        CSVPrinter printer = new CSVPrinter(out, format);
        long rows = 0;
        for (Iterator<? extends Subject> it = subjects.iterator(); it.hasNext(); rows++) {
            Subject subject = it.next();
            if (subject.subjectType() != type) throw new IllegalArgumentException(subject + " is not a " + type);
            printer.printRecord(subject.values());
        }
        printer.flush();
        return rows;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
