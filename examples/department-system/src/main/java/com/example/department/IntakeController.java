package com.example.department;

import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The webhook yiwang delivers to ({@code POST /intake}), per the exchange contract. */
@RestController
@Profile("!legacy")
class IntakeController {

    private static final Logger log = LoggerFactory.getLogger(IntakeController.class);

    private final SignatureCheck signatureCheck;
    private final CodeTables codeTables;
    private final Inbox inbox;
    private final Counters counters;
    private final JsonMapper json;

    IntakeController(SignatureCheck signatureCheck, CodeTables codeTables, Inbox inbox, Counters counters,
            JsonMapper json) {
        this.signatureCheck = signatureCheck;
        this.codeTables = codeTables;
        this.inbox = inbox;
        this.counters = counters;
        this.json = json;
    }

    @PostMapping("/intake")
    Map<String, Object> intake(
            @RequestHeader(name = "X-Yiwang-Connector", required = false) String connector,
            @RequestHeader(name = "X-Yiwang-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Yiwang-Signature", required = false) String signature,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        try {
            signatureCheck.verify(connector, timestamp, signature, raw);
            Delivery delivery = Delivery.parse(json, idempotencyKey, raw);
            codeTables.check(delivery);
            inbox.store(delivery, Instant.now());
            log.info("received {} {}", delivery.type(), delivery.key());
            return Map.of("received", delivery.key());
        } catch (Refusal refusal) {
            counters.increment(Counters.Counter.REJECTED);
            log.info("refused delivery {}: {} {} ({})", idempotencyKey, refusal.status().value(), refusal.field(),
                    refusal.rule());
            throw refusal;
        } catch (DuplicateKeyException repeat) {
            // the same delivery again (a retry after a lost answer, or a replay): acknowledge, store nothing
            counters.increment(Counters.Counter.DUPLICATES);
            log.info("repeated delivery {}", idempotencyKey);
            return Map.of("duplicate", true);
        }
    }
}
