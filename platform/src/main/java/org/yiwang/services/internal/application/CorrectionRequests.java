package org.yiwang.services.internal.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CitySettings;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.Masking;

/**
 * "This is wrong" (信息有误) on a locked value: a request to the element's responsible department to correct its
 * record, instead of the applicant typing over an authoritative value.
 */
@Component
class CorrectionRequests {

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final PartValues values;
    private final Clock clock;
    private final CitySettings city;

    CorrectionRequests(JdbcClient jdbc, Catalog catalog, PartValues values, Clock clock, CitySettings city) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.values = values;
        this.clock = clock;
        this.city = city;
    }

    record Request(UUID id, String element, String elementName, String subject, String note, Instant requestedAt,
                   String status) {}

    /** @return the department asked to correct it */
    String file(Actor actor, SubjectRef subject, String element, String note) {
        catalog.require(element);
        if (note == null || note.isBlank() || note.length() > 500) {
            throw InvalidInputException.of("note", "correction-note", 500);
        }
        // an element nobody is responsible for: the service centre takes the request and finds out who is
        String department = catalog.responsibleDepartment(element).orElse(city.serviceCentre());
        jdbc.sql("""
                INSERT INTO services_correction_request (id, department, element, subject_type, subject_enc, note,
                    requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), department, element, subject.type().name(), values.seal(subject.key()),
                        note.strip(), actor.username(), Timestamp.from(clock.instant()))
                .update();
        return department;
    }

    List<Request> openFor(String department) {
        return jdbc.sql("""
                SELECT id, element, subject_type, subject_enc, note, requested_at, status
                  FROM services_correction_request WHERE department = ? AND status = 'OPEN' ORDER BY requested_at""")
                .param(department)
                .query((rs, n) -> new Request(rs.getObject(1, UUID.class), rs.getString(2),
                        catalog.element(rs.getString(2)).map(e -> e.nameZh()).orElse(rs.getString(2)),
                        Masking.generic(values.openKey(rs.getBytes(4))), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .list();
    }
}
