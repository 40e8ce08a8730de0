package org.yiwang.exchange.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.services.ApplicationParts;
import org.yiwang.services.Part;
import org.yiwang.services.PartAction;
import org.yiwang.services.PartDecision;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a department system's result to its part through the same state machine the workbench uses: accepted,
 * returned with the questioned fields, approved (declared facts become the department's authoritative values and
 * the license is issued) or rejected. Each result id takes effect once; a repeat gets the first answer.
 */
@Service
class Results {

    private static final Map<String, PartAction> ACTIONS = Map.of("ACCEPTED", PartAction.ACCEPT,
            "RETURNED", PartAction.RETURN, "APPROVED", PartAction.APPROVE, "REJECTED", PartAction.REJECT);

    /** Without a mapping only our own field names and statuses are understood. */
    private static final Mapping NO_MAPPING = new Mapping(null, null, null, null, null, null);

    private static final int MAX_RECORD_TEXT = 500;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationParts parts;
    private final ExchangeStates states;
    private final ConnectorActors actors;
    private final Catalog catalog;
    private final ViolationTexts texts;

    Results(JdbcClient jdbc, JsonMapper json, ApplicationParts parts, ExchangeStates states, ConnectorActors actors,
            Catalog catalog, ViolationTexts texts) {
        this.jdbc = jdbc;
        this.json = json;
        this.parts = parts;
        this.states = states;
        this.actors = actors;
        this.catalog = catalog;
        this.texts = texts;
    }

    @Transactional
    public InboundResult.Answer apply(Connector connector, InboundResult result) {
        List<Violation> v = new ArrayList<>();
        if (result.resultId() == null || result.resultId().isBlank() || result.resultId().length() > 128) {
            v.add(Violation.of("resultId", "result-id", 128));
        }
        if (result.partId() == null) v.add(Violation.of("partId", "required"));
        if (!v.isEmpty()) throw new InvalidInputException(v);
        // Claim the result id first: a concurrent repeat waits here and then finds the answer. The claim (PENDING)
        // also tells the outbox that this part's change comes from this connector, which need not be told of it.
        int claimed = jdbc.sql("""
                INSERT INTO exchange_result (connector, result_id, part_id, status, answer) VALUES (?,?,?,'PENDING','{}')
                ON CONFLICT DO NOTHING""").params(connector.code(), result.resultId(), result.partId()).update();
        if (claimed == 0) return earlier(connector, result);
        if (!deliveredThrough(connector, result)) {
            throw new NotFoundProblem("partId", texts.text("problem.not-delivered-here", null,
                    "no such part was delivered through this connector"));
        }
        Decision decision = decision(connector, result);
        Part part = parts.decide(actors.of(connector), result.partId(), decision.part());
        InboundResult.Answer answer = new InboundResult.Answer(part.id(), part.status().name(), part.licenseId());
        jdbc.sql("""
                UPDATE exchange_result SET status = ?, answer = ?::jsonb, license_record = ?::jsonb
                 WHERE connector = ? AND result_id = ?""")
                .params(answer.status(), json.writeValueAsString(answer),
                        decision.record().isEmpty() ? null : json.writeValueAsString(decision.record()),
                        connector.code(), result.resultId()).update();
        return answer;
    }

    private InboundResult.Answer earlier(Connector connector, InboundResult result) {
        Map<String, Object> row = jdbc.sql("SELECT part_id, answer FROM exchange_result WHERE connector = ? AND result_id = ?")
                .params(connector.code(), result.resultId()).query().singleRow();
        if (!result.partId().equals(row.get("part_id"))) {
            throw new InvalidInputException(List.of(Violation.of("resultId", "result-id-reused")), 409);
        }
        return json.readValue(row.get("answer").toString(), InboundResult.Answer.class);
    }

    private boolean deliveredThrough(Connector connector, InboundResult result) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_delivery WHERE part_id = ? AND connector = ?)")
                .params(result.partId(), connector.code()).query(Boolean.class).single();
    }

    /**
     * What a result asks of the part, and the department's own record of its decision (its licence number, its
     * valid-until …: license fields the mapping sends to {@code record.*}), kept with the result.
     */
    private record Decision(PartDecision part, Map<String, String> record) {}

    private Decision decision(Connector connector, InboundResult result) {
        MappingVersion mapping = states.current().mappings().get(connector.code());
        Translation translation = new Translation(mapping == null ? NO_MAPPING : mapping.mapping(), catalog);
        List<Violation> v = new ArrayList<>();
        PartAction action = Optional.ofNullable(result.status()).flatMap(translation::status).map(ACTIONS::get)
                .orElse(null);
        if (action == null) {
            v.add(Violation.of("status", "result-status", String.valueOf(result.status())));
        }
        List<String> questioned = new ArrayList<>();
        for (String field : result.questioned()) {
            translation.element(field).ifPresentOrElse(questioned::add,
                    () -> v.add(Violation.of("questioned", "unmapped-field", field)));
        }
        Map<String, String> licenseFields = new LinkedHashMap<>();
        Map<String, String> record = new LinkedHashMap<>();
        new TreeMap<>(result.license()).forEach((field, value) -> {
            String ours = translation.licenseField(field).orElse(null);
            String key = "license." + field;
            if (ours == null) {
                v.add(Violation.of(key, "unmapped-license-field", field));
            } else if (!ours.startsWith(Mapping.RECORD)) {
                licenseFields.put(ours, value);
            } else if (value == null || value.isBlank()) {
                // an empty box of the form states nothing
            } else if (value.length() > MAX_RECORD_TEXT) {
                v.add(Violation.of(key, "max-length", MAX_RECORD_TEXT));
            } else if (ours.equals(Mapping.RECORD_VALID_UNTIL)) {
                LocalDate date = date(value);
                if (date == null) v.add(Violation.of(key, "license-date", field));
                else record.put(ours.substring(Mapping.RECORD.length()), date.toString());
            } else {
                record.put(ours.substring(Mapping.RECORD.length()), value.strip());
            }
        });
        if (!v.isEmpty()) throw new InvalidInputException(v);
        return new Decision(new PartDecision(action, result.reason(), questioned, licenseFields), record);
    }

    /** Departments write a date as 2026-12-31, 20261231, 2026/12/31 or 2026.12.31. */
    static LocalDate date(String value) {
        String digits = value.strip().replace("-", "").replace("/", "").replace(".", "");
        try {
            return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
