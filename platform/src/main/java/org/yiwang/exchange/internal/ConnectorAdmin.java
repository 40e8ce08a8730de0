package org.yiwang.exchange.internal;

import java.net.URI;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.basedata.PersonalData;
import org.yiwang.basedata.ReadRequest;
import org.yiwang.basedata.SubjectRef;
import org.yiwang.basedata.SubjectView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CodeValue;
import org.yiwang.catalog.Consumer;
import org.yiwang.catalog.DataElement;
import org.yiwang.catalog.Purpose;
import org.yiwang.catalog.SharingPolicy;
import org.yiwang.directory.Directory;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.exchange.Connectors;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.MappingVersion;
import org.yiwang.exchange.Preview;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.InvalidInputException;
import org.yiwang.kernel.InvalidInputException.Violation;
import org.yiwang.kernel.NotFoundProblem;
import org.yiwang.kernel.ViolationTexts;
import org.yiwang.services.ServiceCatalog;
import org.yiwang.services.ServiceItem;

/** Validates and saves connectors, mappings and subscriptions; a definition is saved whole or not at all. */
@Service
class ConnectorAdmin implements Connectors {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    static final Set<String> STATUSES = Set.of("ACCEPTED", "RETURNED", "APPROVED", "REJECTED");

    private final ConnectorStore store;
    private final ExchangeStates states;
    private final Directory directory;
    private final ServiceCatalog services;
    private final Catalog catalog;
    private final SharingPolicy sharing;
    private final PersonalData personalData;
    private final ConnectorActors actors;
    private final ViolationTexts texts;

    ConnectorAdmin(ConnectorStore store, ExchangeStates states, Directory directory, ServiceCatalog services,
                   Catalog catalog, SharingPolicy sharing, PersonalData personalData, ConnectorActors actors,
                   ViolationTexts texts) {
        this.texts = texts;
        this.store = store;
        this.states = states;
        this.directory = directory;
        this.services = services;
        this.catalog = catalog;
        this.sharing = sharing;
        this.personalData = personalData;
        this.actors = actors;
    }

    @Override
    public List<Connector> list() {
        return List.copyOf(states.current().connectors().values());
    }

    @Override
    public Optional<Connector> find(String code) {
        return states.current().connector(code);
    }

    @Override
    @Transactional
    public Connector save(Actor actor, Connector c, String secret) {
        List<Violation> v = new ArrayList<>();
        if (c.code() == null || !CODE.matcher(c.code()).matches()) {
            v.add(Violation.of("code", "format", "A–Z 0–9 - _"));
        }
        if (c.name() == null || c.name().isBlank()) v.add(Violation.of("name", "required"));
        if (c.department() == null || directory.department(c.department()).isEmpty()) {
            v.add(Violation.of("department", "unknown-department", String.valueOf(c.department())));
        }
        if (c.kind() == null) v.add(Violation.of("kind", "required"));
        else checkEndpoint(c, v);
        if (c.maxAttempts() < 1 || c.maxAttempts() > 100) {
            v.add(Violation.of("maxAttempts", "range", 1, 100));
        }
        checkItems(c, v);
        boolean exists = c.code() != null && store.lock(c.code());
        if (secret != null && secret.length() < 16) {
            v.add(Violation.of("secret", "min-length", 16));
        }
        if (c.kind() == ConnectorKind.REST && secret == null && !(exists && store.hasSecret(c.code()))) {
            v.add(Violation.of("secret", "required"));
        }
        if (!v.isEmpty()) throw new InvalidInputException(v);
        store.save(c, secret, actor.username());
        states.invalidateAfterCommit();
        return c;
    }

    private void checkEndpoint(Connector c, List<Violation> v) {
        String endpoint = c.endpoint() == null ? "" : c.endpoint().trim();
        boolean ok = switch (c.kind()) {
            case REST -> isHttpUrl(endpoint);
            case JDBC -> endpoint.startsWith("jdbc:");
            case FILE -> !endpoint.isBlank();
            case KAFKA -> TOPIC.matcher(endpoint).matches();
        };
        if (!ok) v.add(Violation.of("endpoint", "endpoint-" + c.kind().name().toLowerCase()));
        List<String> identifiers = switch (c.kind()) {
            case JDBC -> List.of("table", "changeTable", "keyColumn", "partColumn", "referenceColumn", "itemColumn",
                    "subscriptionColumn",
                    "resultTable", "resultIdColumn", "resultPartColumn", "statusColumn", "reasonColumn",
                    "questionedColumn", "resultTimeColumn");
            default -> List.of();
        };
        if (c.kind() == ConnectorKind.JDBC) {
            for (String required : List.of("table", "keyColumn")) {
                if (!c.options().containsKey(required)) {
                    v.add(Violation.of("options." + required, "required"));
                }
            }
        }
        identifiers.forEach(name -> {
            String value = c.options().get(name);
            if (value != null && !IDENTIFIER.matcher(value).matches()) {
                v.add(Violation.of("options." + name, "identifier"));
            }
        });
        String format = c.options().get("format");
        if (format != null && !Set.of("csv", "xlsx").contains(format)) {
            v.add(Violation.of("options.format", "format", "csv | xlsx"));
        }
    }

    private static boolean isHttpUrl(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkItems(Connector c, List<Violation> v) {
        ExchangeState state = states.current();
        for (String code : c.items()) {
            Optional<ServiceItem> item = services.item(code);
            if (item.isEmpty()) {
                v.add(Violation.of("items", "unknown-item", code));
            } else if (!item.get().department().equals(c.department())) {
                v.add(Violation.of("items", "other-department", code));
            } else {
                state.routeFor(code).filter(other -> !other.code().equals(c.code())).ifPresent(other -> v.add(
                        Violation.of("items", "item-routed", code, other.code())));
            }
        }
    }

    @Override
    @Transactional
    public MappingVersion saveMapping(Actor actor, String connectorCode, Mapping mapping) {
        Connector connector = require(connectorCode);
        store.lock(connectorCode);
        List<Violation> v = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        mapping.fields().forEach((element, field) -> {
            String at = "fields." + element;
            if (catalog.element(element).isEmpty()) {
                v.add(Violation.of(at, "unknown-element", element));
            } else if (!receivable(connector.department(), element)) {
                v.add(Violation.of(at, "no-demand-entry", element));
            }
            if (field == null || field.isBlank()) v.add(Violation.of(at, "required"));
            else if (!seen.add(field)) v.add(Violation.of(at, "duplicate-field", field));
        });
        mapping.codes().forEach((element, codes) -> {
            String at = "codes." + element;
            if (!mapping.fields().containsKey(element)) {
                v.add(Violation.of(at, "unmapped", element));
                return;
            }
            String table = catalog.element(element).map(DataElement::codeTable).orElse(null);
            Set<String> ours = table == null ? Set.of()
                    : new HashSet<>(catalog.codes(table).stream().map(CodeValue::code).toList());
            codes.keySet().stream().filter(code -> !ours.contains(code)).forEach(code ->
                    v.add(Violation.of(at, "code-table", code)));
        });
        mapping.formats().forEach((element, format) -> {
            if (!validFormat(element, format)) {
                v.add(Violation.of("formats." + element, "format", "yyyyMMdd | 0.00"));
            }
        });
        mapping.statuses().forEach((theirs, ours) -> {
            if (!STATUSES.contains(ours)) {
                v.add(Violation.of("statuses." + theirs, "status", ours));
            }
        });
        if (!v.isEmpty()) throw new InvalidInputException(v);
        int version = store.saveMapping(connectorCode, mapping, actor.username());
        states.invalidateAfterCommit();
        return store.mapping(connectorCode, version).orElseThrow();
    }

    /** Whether some demand-list entry (or the responsibility list) lets the department receive the element. */
    private boolean receivable(String department, String element) {
        Consumer consumer = Consumer.department(department);
        return catalog.purposes().stream().map(Purpose::code)
                .anyMatch(purpose -> sharing.decide(consumer, element, purpose).allowed());
    }

    private boolean validFormat(String element, String format) {
        DataElement.ValueType type = catalog.element(element).map(DataElement::type).orElse(null);
        try {
            if (type == DataElement.ValueType.DATE) DateTimeFormatter.ofPattern(format);
            else if (type == DataElement.ValueType.INTEGER || type == DataElement.ValueType.DECIMAL) new DecimalFormat(format);
            else return false;
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Optional<MappingVersion> mapping(String connector) {
        return Optional.ofNullable(states.current().mappings().get(connector));
    }

    @Override
    public List<MappingVersion> mappingHistory(String connector) {
        return store.mappingHistory(connector);
    }

    @Override
    @Transactional
    public Preview preview(Actor actor, String connectorCode, SubjectRef sample, String itemOrSubscription) {
        Connector connector = require(connectorCode);
        MappingVersion mapping = mapping(connectorCode).orElseThrow(() -> InvalidInputException.of("mapping",
                "no-mapping"));
        Use use = use(connector, itemOrSubscription);
        SubjectView view = personalData.read(actors.preview(actor, connector),
                new ReadRequest(sample, use.elements(), use.purpose(), true));
        List<String> problems = new ArrayList<>();
        view.denied().forEach((element, reason) -> problems.add(element + " refused: " + reason));
        Translation translation = new Translation(mapping.mapping(), catalog);
        Map<String, String> data = new LinkedHashMap<>();
        for (String element : use.elements()) {
            String value = view.value(element);
            if (value == null) continue;
            try {
                data.putAll(translation.outbound(Map.of(element, value)));
            } catch (Translation.Untranslatable e) {
                problems.add(e.getMessage());
            }
        }
        return new Preview(connectorCode, mapping.version(), data, problems);
    }

    private record Use(List<String> elements, String purpose) {}

    private Use use(Connector connector, String code) {
        Optional<ServiceItem> item = services.item(code).filter(i -> connector.items().contains(i.code()));
        if (item.isPresent()) {
            return new Use(item.get().elements().stream().map(ServiceItem.ItemElement::element).toList(),
                    item.get().purpose());
        }
        return states.current().subscription(code).filter(s -> s.connector().equals(connector.code()))
                .map(s -> new Use(s.elements(), s.purpose()))
                .orElseThrow(() -> InvalidInputException.of("use", "unknown-use", code));
    }

    @Override
    public List<Subscription> subscriptions() {
        return states.current().subscriptions();
    }

    @Override
    @Transactional
    public Subscription subscribe(Actor actor, Subscription s) {
        List<Violation> v = new ArrayList<>();
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            v.add(Violation.of("code", "format", "A–Z 0–9 - _"));
        }
        if (s.name() == null || s.name().isBlank()) v.add(Violation.of("name", "required"));
        Connector connector = s.connector() == null ? null : find(s.connector()).orElse(null);
        if (connector == null) v.add(Violation.of("connector", "unknown-connector"));
        if (s.subjectType() == null) v.add(Violation.of("subjectType", "required"));
        if (s.elements().isEmpty()) v.add(Violation.of("elements", "required"));
        if (s.purpose() == null || catalog.purpose(s.purpose()).isEmpty()) {
            v.add(Violation.of("purpose", "unknown-purpose", String.valueOf(s.purpose())));
        }
        MappingVersion mapping = connector == null ? null : mapping(connector.code()).orElse(null);
        for (String element : s.elements()) {
            String at = "elements." + element;
            Optional<DataElement> e = catalog.element(element);
            if (e.isEmpty()) v.add(Violation.of(at, "unknown-element", element));
            else if (s.subjectType() != null && e.get().subjectType() != s.subjectType()) {
                v.add(Violation.of(at, "subject-type", element));
            } else if (connector != null && s.purpose() != null
                    && !sharing.decide(Consumer.department(connector.department()), element, s.purpose()).allowed()) {
                v.add(Violation.of(at, "no-demand-entry", element, s.purpose()));
            } else if (mapping != null && !mapping.mapping().fields().containsKey(element)) {
                v.add(Violation.of(at, "unmapped", element));
            }
        }
        if (connector != null && mapping == null) {
            v.add(Violation.of("connector", "no-mapping"));
        }
        checkDivision(s, connector, v);
        checkCondition(s, v);
        if (!v.isEmpty()) throw new InvalidInputException(v);
        store.subscribe(s, actor.username());
        states.invalidateAfterCommit();
        return s;
    }

    private void checkDivision(Subscription s, Connector connector, List<Violation> v) {
        if (s.division() != null && directory.division(s.division()).isEmpty()) {
            v.add(Violation.of("division", "unknown-division", s.division()));
        }
        var scope = connector == null ? null : actors.scope(connector.department());
        if (scope != null && (s.division() == null || !s.division().startsWith(scope.value()))) {
            v.add(Violation.of("division", "out-of-scope", scope.value()));
        }
    }

    private static void checkCondition(Subscription s, List<Violation> v) {
        ChangeCondition c = s.condition();
        if (c == null) return;
        if (c.op() == null) v.add(Violation.of("condition.op", "required"));
        if (c.element() == null || !s.elements().contains(c.element())) {
            v.add(Violation.of("condition.element", "not-subscribed"));
        }
        if (c.op() != null && c.op() != ChangeCondition.Op.CHANGED && (c.value() == null || c.value().isBlank())) {
            v.add(Violation.of("condition.value", "required"));
        }
    }

    Connector require(String code) {
        return find(code).orElseThrow(() -> new NotFoundProblem("connector",
                texts.text("problem.unknown-connector", null, "unknown connector")));
    }
}
