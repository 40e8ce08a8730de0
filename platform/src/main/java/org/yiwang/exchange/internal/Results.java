package org.yiwang.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationParts parts;
    private final ExchangeStates states;
    private final ConnectorActors actors;
    private final Catalog catalog;

    Results(JdbcClient jdbc, JsonMapper json, ApplicationParts parts, ExchangeStates states, ConnectorActors actors,
            Catalog catalog) {
        this.jdbc = jdbc;
        this.json = json;
        this.parts = parts;
        this.states = states;
        this.actors = actors;
        this.catalog = catalog;
    }

    @Transactional
    public InboundResult.Answer apply(Connector connector, InboundResult result) {
        List<Violation> v = new ArrayList<>();
        if (result.resultId() == null || result.resultId().isBlank() || result.resultId().length() > 128) {
            v.add(new Violation("resultId", "required", "请提供结果编号(≤128 字符)/ resultId required, at most 128 characters"));
        }
        if (result.partId() == null) v.add(new Violation("partId", "required", "请提供办件编号 / partId required"));
        if (!v.isEmpty()) throw new InvalidInputException(v);
        // Claim the result id first: a concurrent repeat waits here and then finds the answer.
        int claimed = jdbc.sql("""
                INSERT INTO exchange_result (connector, result_id, part_id, status, answer) VALUES (?,?,?,'PENDING','{}')
                ON CONFLICT DO NOTHING""").params(connector.code(), result.resultId(), result.partId()).update();
        if (claimed == 0) return earlier(connector, result);
        if (!deliveredThrough(connector, result)) {
            throw new NotFoundProblem("partId", "该办件未经此连接送达 / no such part was delivered through this connector");
        }
        PartDecision decision = decision(connector, result);
        Part part = parts.decide(actors.of(connector), result.partId(), decision);
        InboundResult.Answer answer = new InboundResult.Answer(part.id(), part.status().name(), part.licenseId());
        jdbc.sql("UPDATE exchange_result SET status = ?, answer = ?::jsonb WHERE connector = ? AND result_id = ?")
                .params(answer.status(), json.writeValueAsString(answer), connector.code(), result.resultId()).update();
        return answer;
    }

    private InboundResult.Answer earlier(Connector connector, InboundResult result) {
        Map<String, Object> row = jdbc.sql("SELECT part_id, answer FROM exchange_result WHERE connector = ? AND result_id = ?")
                .params(connector.code(), result.resultId()).query().singleRow();
        if (!result.partId().equals(row.get("part_id"))) {
            throw new InvalidInputException(List.of(new Violation("resultId", "result-id-reused",
                    "结果编号已用于另一办件 / this resultId was used for another part")), 409);
        }
        return json.readValue(row.get("answer").toString(), InboundResult.Answer.class);
    }

    private boolean deliveredThrough(Connector connector, InboundResult result) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange_delivery WHERE part_id = ? AND connector = ?)")
                .params(result.partId(), connector.code()).query(Boolean.class).single();
    }

    private PartDecision decision(Connector connector, InboundResult result) {
        MappingVersion mapping = states.current().mappings().get(connector.code());
        Translation translation = new Translation(mapping == null ? NO_MAPPING : mapping.mapping(), catalog);
        List<Violation> v = new ArrayList<>();
        PartAction action = Optional.ofNullable(result.status()).flatMap(translation::status).map(ACTIONS::get)
                .orElse(null);
        if (action == null) {
            v.add(new Violation("status", "status", "未知状态 / unknown status; expected ACCEPTED, RETURNED, APPROVED, REJECTED or a mapped code"));
        }
        List<String> questioned = new ArrayList<>();
        for (String field : result.questioned()) {
            translation.element(field).ifPresentOrElse(questioned::add, () -> v.add(new Violation(
                    "questioned", "unknown-field", "映射中没有字段 " + field + " / the mapping has no field " + field)));
        }
        Map<String, String> licenseFields = new LinkedHashMap<>();
        result.license().forEach((field, value) -> translation.licenseField(field).ifPresentOrElse(
                ours -> licenseFields.put(ours, value),
                () -> v.add(new Violation("license." + field, "unknown-field",
                        "映射中没有该证照字段 / the mapping has no license field " + field))));
        if (!v.isEmpty()) throw new InvalidInputException(v);
        return new PartDecision(action, result.reason(), questioned, licenseFields);
    }
}
