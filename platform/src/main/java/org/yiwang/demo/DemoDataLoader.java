package org.yiwang.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.Attribution;
import org.yiwang.basedata.BulkImport;
import org.yiwang.basedata.ImportReport;
import org.yiwang.basedata.Method;
import org.yiwang.basedata.Subjects;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;
import org.yiwang.platform.YiwangProperties;

/**
 * Fills an empty base with the synthetic district when {@code yiwang.demo.enabled}: {@code yiwang.demo.persons}
 * persons plus about a tenth as many legal entities and a quarter as many houses, and the fixed demo subjects —
 * each type imported like any department's file, through the bulk import, attributed to its authoritative
 * department. A type that already has subjects is left alone, so a restart (or a second node) loads nothing
 * twice; since the generation is deterministic, a type loaded later still matches the others. Then the demo
 * subjects get their electronic licenses ({@link DemoLicenses}).
 */
@Component
class DemoDataLoader {

    /** The demo district's seed: every installation gets the same demo residents. */
    static final long SEED = 310104L;

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String LOADER_DEPARTMENT = "310000-DSJ";

    private final YiwangProperties properties;
    private final BulkImport bulkImport;
    private final Subjects subjects;
    private final DemoLicenses licenses;

    private final java.time.Clock clock;

    DemoDataLoader(YiwangProperties properties, BulkImport bulkImport, Subjects subjects, DemoLicenses licenses,
                   java.time.Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.bulkImport = bulkImport;
        this.subjects = subjects;
        this.licenses = licenses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadOnFirstStart() {
        if (!properties.demo().enabled()) return;
        SyntheticDistrict district = new SyntheticDistrict(SEED);
        int persons = properties.demo().persons();
        load(SubjectType.PERSON, "310104-GA", Stream.concat(DemoSubjects.persons(), district.persons(persons)));
        load(SubjectType.LEGAL_ENTITY, "310104-SCJG",
                Stream.concat(DemoSubjects.legalEntities(), district.legalEntities(persons)));
        load(SubjectType.HOUSE, "310104-FG", Stream.concat(DemoSubjects.houses(), district.houses(persons)));
        licenses.issueMissing();
    }

    private void load(SubjectType type, String department, Stream<? extends SyntheticDistrict.Subject> rows) {
        long existing = subjects.count(type);
        if (existing > 0) {
            log.info("Demo data: {} {} subjects already in the base, nothing loaded", existing, type);
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("yiwang-demo-" + type.name().toLowerCase(), ".csv");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                SyntheticDistrict.writeCsv(type, rows, out);
            }
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = bulkImport.importFile(Actor.system(LOADER_DEPARTMENT), type, "csv", in,
                        Attribution.of(clock, department, Method.AUTHORITATIVE, "DATA_GOVERNANCE", "demo data"));
            }
            if (report.rejected() > 0) {
                log.warn("Demo data: imported {} {} subjects from {}, {} rejected (see import {})", report.imported(),
                        type, department, report.rejected(), report.importId());
            } else {
                log.info("Demo data: imported {} {} subjects from {}", report.imported(), type, department);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo data could not be written or imported", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Demo data: temporary file {} not deleted", file);
        }
    }
}
