package org.yiwang.exchange.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.exchange.Connectors;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.exchange.Preview;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.SubjectType;
import org.yiwang.kernel.ViolationTexts;

/** Connectors, mappings, subscriptions and deliveries for the data administrator and operations. */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange", description = "数据交换:连接、映射、订阅、投递")
@PreAuthorize("hasAnyRole('DATA_ADMIN', 'SYSTEM_ADMIN')")
class ExchangeApi {

    private final Connectors connectors;
    private final Operations operations;

    private final ViolationTexts texts;

    ExchangeApi(Connectors connectors, Operations operations, ViolationTexts texts) {
        this.texts = texts;
        this.connectors = connectors;
        this.operations = operations;
    }

    record ConnectorJson(String department, String name, ConnectorKind kind, String endpoint,
                         Map<String, String> options, List<String> items, Integer maxAttempts, Boolean enabled,
                         String secret) {}

    record PreviewJson(SubjectType subjectType, String key, String use) {}

    record SubscriptionJson(String name, String connector, SubjectType subjectType, List<String> elements,
                            String purpose, String division, ChangeCondition condition, Boolean enabled) {}

    @GetMapping("/connectors")
    List<Connector> connectors() {
        return connectors.list();
    }

    @GetMapping("/connectors/{code}")
    Connector connector(@PathVariable String code) {
        return connectors.find(code).orElseThrow(() -> new NotFoundProblem("connector",
                texts.text("problem.unknown-connector", null, "unknown connector")));
    }

    @PutMapping("/connectors/{code}")
    @Operation(summary = "Create or replace a connector; the secret is write-only (omit it to keep the stored one)")
    Connector save(Actor actor, @PathVariable String code, @RequestBody ConnectorJson body) {
        return connectors.save(actor, new Connector(code, body.department(), body.name(), body.kind(), body.endpoint(),
                body.options(), body.items(), body.maxAttempts() == null ? 8 : body.maxAttempts(),
                body.enabled() == null || body.enabled()), body.secret());
    }

    @GetMapping("/connectors/{code}/mapping")
    MappingVersion mapping(@PathVariable String code) {
        return connectors.mapping(code).orElseThrow(() -> new NotFoundProblem("mapping",
                texts.text("problem.no-mapping", null, "no mapping yet")));
    }

    @GetMapping("/connectors/{code}/mapping/versions")
    List<MappingVersion> mappingHistory(@PathVariable String code) {
        return connectors.mappingHistory(code);
    }

    @PutMapping("/connectors/{code}/mapping")
    @Operation(summary = "Save a new mapping version; refused when it maps an element the demand list does not grant")
    MappingVersion saveMapping(Actor actor, @PathVariable String code, @RequestBody Mapping mapping) {
        return connectors.saveMapping(actor, code, mapping);
    }

    @PostMapping("/connectors/{code}/preview")
    @Operation(summary = "Dry run: what the system would receive for a sample subject (nothing is sent; the read is audited)")
    Preview preview(Actor actor, @PathVariable String code, @RequestBody PreviewJson body) {
        if (body.subjectType() == null || body.key() == null) {
            throw InvalidInputException.of("key", "required");
        }
        return connectors.preview(actor, code, new SubjectRef(body.subjectType(), body.key()), body.use());
    }

    @PostMapping("/connectors/{code}/replay")
    @Operation(summary = "Replay every dead delivery of the connector")
    Map<String, Integer> replayDead(@PathVariable String code) {
        return Map.of("replayed", operations.replayDead(code));
    }

    @GetMapping("/subscriptions")
    List<Subscription> subscriptions() {
        return connectors.subscriptions();
    }

    @PutMapping("/subscriptions/{code}")
    @Operation(summary = "Create or replace a subscription; the purpose is checked against the demand list")
    Subscription subscribe(Actor actor, @PathVariable String code, @RequestBody SubscriptionJson body) {
        return connectors.subscribe(actor, new Subscription(code, body.name(), body.connector(), body.subjectType(),
                body.elements(), body.purpose(), body.division(), body.condition(),
                body.enabled() == null || body.enabled()));
    }

    @GetMapping("/figures")
    List<ConnectorFigures> figures() {
        return operations.figures();
    }

    @GetMapping("/deliveries")
    List<Delivery> deliveries(@RequestParam(required = false) String connector,
                              @RequestParam(required = false) String state,
                              @RequestParam(defaultValue = "100") int limit) {
        return operations.deliveries(connector, state, limit);
    }

    @GetMapping("/deliveries/{id}")
    Delivery delivery(@PathVariable UUID id) {
        return operations.delivery(id);
    }

    @PostMapping("/deliveries/{id}/replay")
    Map<String, Integer> replay(@PathVariable UUID id) {
        return Map.of("replayed", operations.replay(id));
    }

    @PostMapping("/deliveries/{id}/retry")
    Map<String, Integer> retry(@PathVariable UUID id) {
        return Map.of("retried", operations.retryNow(id));
    }
}
