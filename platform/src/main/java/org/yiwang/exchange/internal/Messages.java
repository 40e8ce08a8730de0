package org.yiwang.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.ChangeLog;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.catalog.Catalog;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.AccessDeniedProblem;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.services.ApplicationParts;
import org.yiwang.services.Part;

/**
 * Builds what a delivery carries at the moment it is sent: values read as the connector's department (the same
 * policy, scope and audit as its staff), then put in its field names and codes by the current mapping.
 */
@Component
class Messages {

    private final ApplicationParts parts;
    private final PersonalData personalData;
    private final ChangeLog changeLog;
    private final Catalog catalog;
    private final ConnectorActors actors;
    private final Clock clock;

    Messages(ApplicationParts parts, PersonalData personalData, ChangeLog changeLog, Catalog catalog,
             ConnectorActors actors, Clock clock) {
        this.clock = clock;
        this.parts = parts;
        this.personalData = personalData;
        this.changeLog = changeLog;
        this.catalog = catalog;
        this.actors = actors;
    }

    /** @throws DeliveryFailure permanent when the mapping or the policy cannot give what the delivery needs */
    Message build(Delivery d, ExchangeState state) {
        Connector connector = state.connector(d.connector())
                .orElseThrow(() -> new DeliveryFailure("connector " + d.connector() + " was removed", true));
        MappingVersion mapping = state.mappings().get(connector.code());
        if (mapping == null) throw new DeliveryFailure("connector " + connector.code() + " has no mapping", true);
        Translation translation = new Translation(mapping.mapping(), catalog);
        try {
            return switch (d.type()) {
                case Delivery.PART -> part(d, connector, mapping.version(), translation);
                case Delivery.STATUS -> status(d, connector, mapping.version());
                default -> change(d, connector, state, mapping.version(), translation);
            };
        } catch (Translation.Untranslatable e) {
            throw new DeliveryFailure("mapping v" + mapping.version() + ": " + e.getMessage(), true);
        } catch (AccessDeniedProblem | NotFoundProblem e) {
            throw new DeliveryFailure("refused: " + e.getMessage(), true);
        }
    }

    private Message part(Delivery d, Connector connector, int version, Translation translation) {
        Part part = parts.part(actors.of(connector), d.partId());
        Map<String, String> values = new LinkedHashMap<>();
        part.elements().forEach(e -> {
            if (part.values().containsKey(e)) values.put(e, part.values().get(e));
        });
        return new Message(Message.SCHEMA_VERSION, d.id(), d.type(), connector.code(), version, local(d.createdAt()),
                part.id(), part.reference(), translation.item(part.itemCode()), null, null, null, null,
                part.materials(), translation.outbound(values), null);
    }

    /** Only the part and its status: the receiver has the part's data already, so nothing is read again. */
    private Message status(Delivery d, Connector connector, int version) {
        return new Message(Message.SCHEMA_VERSION, d.id(), d.type(), connector.code(), version, local(d.createdAt()),
                d.partId(), null, null, null, null, null, null, null, Map.of(), d.partStatus());
    }

    private OffsetDateTime local(Instant at) {
        return (at == null ? clock.instant() : at).atZone(clock.getZone()).toOffsetDateTime();
    }

    private Message change(Delivery d, Connector connector, ExchangeState state, int version, Translation translation) {
        Subscription s = state.subscription(d.subscription())
                .orElseThrow(() -> new DeliveryFailure("subscription " + d.subscription() + " was removed", true));
        SubjectRef subject = changeLog.subject(d.orderingKey())
                .orElseThrow(() -> new DeliveryFailure("subject no longer in the base", true));
        SubjectView view = personalData.read(actors.of(connector),
                new ReadRequest(subject, s.elements(), s.purpose(), true));
        Map<String, String> values = new LinkedHashMap<>();
        s.elements().forEach(e -> {
            if (view.values().containsKey(e)) values.put(e, view.value(e));
        });
        return new Message(Message.SCHEMA_VERSION, d.id(), d.type(), connector.code(), version,
                local(d.createdAt()), null, null, null, s.code(), d.subjectType(),
                d.orderingKey(), translation.fields(d.changed()), null, translation.outbound(values), null);
    }
}
