package org.yiwang.exchange;

import java.util.List;
import java.util.Optional;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.kernel.Actor;

/** Department systems, their mappings and subscriptions, as data administrators manage them. */
public interface Connectors {

    List<Connector> list();

    Optional<Connector> find(String code);

    /**
     * Creates or replaces a connector.
     *
     * @param secret the HMAC secret (REST; also checks the results it posts) or database password (JDBC); {@code null}
     *               keeps the stored one
     * @throws org.yiwang.kernel.InvalidInputException naming the field and rule (unknown department or item, an item
     *                                                 of another department, a bad endpoint, a missing secret)
     */
    Connector save(Actor actor, Connector connector, String secret);

    /**
     * Saves a new version of the connector's mapping.
     *
     * @throws org.yiwang.kernel.InvalidInputException (rule {@code no-demand-entry}) when it maps an element the
     *                                                 department may not receive for any purpose of the demand list;
     *                                                 unknown elements, bad formats or statuses
     */
    MappingVersion saveMapping(Actor actor, String connector, Mapping mapping);

    Optional<MappingVersion> mapping(String connector);

    List<MappingVersion> mappingHistory(String connector);

    /**
     * What the system would receive for a sample subject: the elements of {@code itemOrSubscription} (a service item
     * routed through the connector, or one of its subscriptions) read for the department and mapped.
     */
    Preview preview(Actor actor, String connector, SubjectRef sample, String itemOrSubscription);

    List<Subscription> subscriptions();

    /**
     * @throws org.yiwang.kernel.InvalidInputException naming the field and rule; rule {@code no-demand-entry} when the
     *                                                 department may not receive an element for the purpose
     */
    Subscription subscribe(Actor actor, Subscription subscription);
}
