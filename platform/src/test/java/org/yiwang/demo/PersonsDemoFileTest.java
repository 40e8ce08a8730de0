package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.yiwang.kernel.CitizenId;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.MobileNumbers;
import org.yiwang.kernel.SubjectType;

/** The file a data administrator imports in the demo: 50 good persons and 3 rows the import must reject. */
class PersonsDemoFileTest {

    private static final Set<String> GENDERS = Set.of("0", "1", "2", "9");

    @Test
    void holdsFiftyValidPersonsWithAssignedMobileNumbersAndThreeBadRows() throws IOException {
        List<CSVRecord> rows = read();
        assertThat(rows).hasSize(53);

        List<CSVRecord> bad = rows.stream().filter(r -> !valid(r)).toList();
        assertThat(bad).extracting(CSVRecord::getRecordNumber).containsExactly(12L, 27L, 41L);

        assertThatThrownBy(() -> CitizenId.parse(bad.get(0).get("person.citizen_id")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("check-digit"));
        assertThat(bad.get(1).get("person.gender")).isEqualTo("3");
        assertThat(GENDERS).doesNotContain(bad.get(1).get("person.gender"));
        assertThatThrownBy(() -> LocalDate.parse(bad.get(2).get("person.birth_date")))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void itsPersonsAreNotAmongTheLoadedDemoPersons() throws IOException {
        Set<String> loaded = new SyntheticDistrict(DemoDataLoader.SEED).persons(10_000)
                .map(SyntheticDistrict.Person::citizenId).collect(Collectors.toSet());
        assertThat(read()).extracting(r -> r.get("person.citizen_id"))
                .doesNotContainAnyElementsOf(loaded)
                .doesNotContain(DemoSubjects.RESIDENT_CITIZEN_ID)
                .doesNotHaveDuplicates();
    }

    private static boolean valid(CSVRecord row) {
        try {
            CitizenId id = CitizenId.parse(row.get("person.citizen_id"));
            String phone = row.get("person.phone");
            return GENDERS.contains(row.get("person.gender")) && id.genderCode().equals(row.get("person.gender"))
                    && LocalDate.parse(row.get("person.birth_date")).equals(id.birthDate())
                    && (phone.isEmpty() || MobileNumbers.isAssigned(phone));
        } catch (InvalidInputException | DateTimeParseException e) {
            return false;
        }
    }

    private static List<CSVRecord> read() throws IOException {
        try (InputStream in = PersonsDemoFileTest.class.getResourceAsStream("/demo/persons-demo.csv")) {
            assertThat(in).as("demo/persons-demo.csv on the classpath").isNotNull();
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(parser.getHeaderNames()).isEqualTo(SyntheticDistrict.columns(SubjectType.PERSON));
            return parser.getRecords();
        }
    }
}
