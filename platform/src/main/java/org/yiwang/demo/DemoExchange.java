package org.yiwang.demo;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.basedata.ChangeCondition;
import org.yiwang.directory.ApiClients;
import org.yiwang.exchange.Connector;
import org.yiwang.exchange.ConnectorKind;
import org.yiwang.exchange.Connectors;
import org.yiwang.exchange.Mapping;
import org.yiwang.exchange.Subscription;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.SubjectType;

/**
 * The demo's department systems (examples/department-system, started together with the platform by the demo
 * launcher): commerce and health with REST systems, the police's legacy database written over JDBC, market
 * regulation on the built-in workbench, the transport back office, and the Xujiahui street office receiving its
 * residents' changes as files. Each has its own field names and codes; health subscribes to business scopes that
 * gain 理发 (the barber-shop scenario).
 */
@Component
@EnableConfigurationProperties(DemoExchange.Endpoints.class)
public class DemoExchange {

    /**
     * {@code yiwang.demo.exchange.*}; nothing is installed unless {@code enabled}.
     *
     * @param secret shared by every demo connector (HMAC both ways; the legacy database's password)
     * @param apiKey with {@code "." + connector code} appended, the key each demo system posts results with
     */
    @ConfigurationProperties("yiwang.demo.exchange")
    public record Endpoints(boolean enabled, String commerceUrl, String healthUrl, String transportUrl,
                            String legacyJdbcUrl, String streetFolder, String secret, String apiKey) {}

    public static final String COMMERCE = "SW-LIQUOR";
    public static final String HEALTH = "WJW-HEALTH";
    public static final String POLICE = "GA-SPECIAL-TRADE";
    public static final String TRANSPORT = "JT-BACK-OFFICE";
    public static final String STREET = "JD-XUJIAHUI";

    private static final Actor INSTALLER = Actor.system("310000-DSJ");

    private final Endpoints endpoints;
    private final Connectors connectors;
    private final ApiClients clients;

    DemoExchange(Endpoints endpoints, Connectors connectors, ApiClients clients) {
        this.endpoints = endpoints;
        this.connectors = connectors;
        this.clients = clients;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void installOnStart() {
        if (endpoints.enabled()) install(endpoints);
    }

    /** Creates or updates the demo connectors, their mappings and subscriptions, and the systems' API clients. */
    public void install(Endpoints e) {
        Map<String, String> entity = Map.of("entity.name", "QYMC", "entity.credit_code", "TYSHXYDM",
                "entity.address", "JYDZ", "entity.legal_rep_name", "FDDBR", "entity.phone", "LXDH");
        // a change item's part states what changes, before and after (变更事项 / 变更前 / 变更后)
        Map<String, String> change = Map.of("entity.change_items", "BGSX", "entity.change_before", "BGQNR",
                "entity.change_after", "BGHNR", "entity.business_premises", "JYCS",
                "entity.legal_rep_citizen_id", "FDDBRSFZH");
        connector(new Connector(COMMERCE, "310104-SW", "徐汇区商务委 酒类流通管理系统", ConnectorKind.REST,
                e.commerceUrl(), Map.of(), List.of("HOTEL_LIQUOR_CHANGE"), 8, true), e,
                new Mapping(with(with(entity, change), Map.of("entity.premises_area", "JYMJ",
                        "entity.liquor_categories", "JLPZ")),
                        Map.of(), Map.of("entity.premises_area", "0.00"), Map.of("HOTEL_LIQUOR_CHANGE", "SW-JLLS-BG"),
                        Map.of(), licence(Map.of("XKFW", Mapping.RECORD + "scope"))));
        connector(new Connector(HEALTH, "310104-WJW", "徐汇区卫健委 卫生监督业务系统", ConnectorKind.REST,
                e.healthUrl(), Map.of(), List.of("HOTEL_HYGIENE_CHANGE", "BARBER_HYGIENE"), 8, true), e,
                new Mapping(with(with(entity, change), Map.of("entity.premises_area", "JYMJ", "entity.employees",
                        "CYRYS", "entity.hotel_rooms", "KFS", "entity.business_scope", "JYFW",
                        "entity.health_certified_staff", "JKZMRS")), Map.of(), Map.of(),
                        Map.of("HOTEL_HYGIENE_CHANGE", "WJW-GGCS-BG", "BARBER_HYGIENE", "WJW-GGCS-XK"), Map.of(),
                        licence(Map.of("XKFW", "hygiene_scope", "XKXM", "hygiene_scope"))));
        connector(new Connector(POLICE, "310104-GA", "徐汇公安分局 特种行业管理系统(旧库)", ConnectorKind.JDBC,
                e.legacyJdbcUrl(), Map.ofEntries(Map.entry("username", "sa"), Map.entry("table", "T_TZHY_SQ"),
                Map.entry("keyColumn", "YWLSH"), Map.entry("partColumn", "SQBH"), Map.entry("referenceColumn", "SQH"),
                Map.entry("itemColumn", "SXBM"),
                Map.entry("resultTable", "T_TZHY_JG"), Map.entry("resultIdColumn", "JGID"),
                Map.entry("resultPartColumn", "SQBH"), Map.entry("statusColumn", "ZT"), Map.entry("reasonColumn", "YJ"),
                Map.entry("resultTimeColumn", "BZSJ")),
                List.of("HOTEL_SPECIAL_TRADE_CHANGE"), 8, true), e,
                new Mapping(Map.ofEntries(Map.entry("entity.name", "DWMC"), Map.entry("entity.credit_code", "TYSHXYDM"),
                        Map.entry("entity.address", "ZS"), Map.entry("entity.business_premises", "JYDZ"),
                        Map.entry("entity.legal_rep_name", "FDDBR"), Map.entry("entity.legal_rep_citizen_id", "FDDBRSFZH"),
                        Map.entry("entity.phone", "LXDH"), Map.entry("entity.premises_area", "YYMJ"),
                        Map.entry("entity.hotel_rooms", "KFS"), Map.entry("entity.hotel_beds", "CWS"),
                        Map.entry("entity.security_officer", "ZBFZR"),
                        Map.entry("entity.security_officer_citizen_id", "ZBFZRSFZH"),
                        Map.entry("entity.change_items", "BGSX"), Map.entry("entity.change_before", "BGQNR"),
                        Map.entry("entity.change_after", "BGHNR")), Map.of(), Map.of(),
                        Map.of("HOTEL_SPECIAL_TRADE_CHANGE", "TZHY-LG-BG"),
                        Map.of("01", "ACCEPTED", "02", "APPROVED", "03", "REJECTED", "04", "RETURNED"),
                        Map.of("XKFW", "trade")));
        connector(new Connector(TRANSPORT, "310104-JT", "徐汇区建管委 网约车驾驶员管理后台", ConnectorKind.REST,
                e.transportUrl(), Map.of(), List.of("RIDE_HAILING"), 8, true), e,
                new Mapping(Map.ofEntries(Map.entry("person.name", "XM"), Map.entry("person.citizen_id", "SFZH"),
                        Map.entry("person.gender", "XB"), Map.entry("person.birth_date", "CSRQ"),
                        Map.entry("person.household_address", "HJDZ"), Map.entry("person.driver_license_class", "ZJCX"),
                        Map.entry("person.driver_license_first_issue", "CCLZRQ"), Map.entry("person.phone", "LXDH"),
                        Map.entry("person.vehicle_plate", "CPHM"), Map.entry("person.ride_hailing_platform", "FWPT")),
                        Map.of("person.gender", Map.of("1", "M", "2", "F")),
                        Map.of("person.birth_date", "yyyyMMdd", "person.driver_license_first_issue", "yyyyMMdd"),
                        Map.of("RIDE_HAILING", "WYC-JSY-HC"), Map.of(),
                        licence(Map.of("XKFW", Mapping.RECORD + "scope"))));
        connector(new Connector(STREET, "310104014-JD", "徐家汇街道 社区事务受理台账", ConnectorKind.FILE,
                e.streetFolder(), Map.of("format", "csv"), List.of(), 8, true), e,
                new Mapping(Map.of("person.name", "XM", "person.phone", "LXDH", "person.residence_address", "JZDZ",
                        "person.grid", "WGBH"), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
        connectors.subscribe(INSTALLER, new Subscription("WJW-BARBER-SCOPE", "经营范围新增理发的企业(卫生许可提醒)",
                HEALTH, SubjectType.LEGAL_ENTITY, List.of("entity.name", "entity.credit_code", "entity.address",
                "entity.legal_rep_name", "entity.phone", "entity.business_scope"), "HYGIENE_LICENSE", "310104",
                new ChangeCondition("entity.business_scope", ChangeCondition.Op.GAINS, "理发"), true));
        connectors.subscribe(INSTALLER, new Subscription("JD-XUJIAHUI-RESIDENTS", "徐家汇街道居民信息变化回流",
                STREET, SubjectType.PERSON, List.of("person.name", "person.phone", "person.residence_address",
                "person.grid"), "GRASSROOTS_GOVERNANCE", "310104014", null, true));
        clients.register("demo-commerce-system", "310104-SW", apiKey(e, COMMERCE));
        clients.register("demo-health-system", "310104-WJW", apiKey(e, HEALTH));
        clients.register("demo-transport-system", "310104-JT", apiKey(e, TRANSPORT));
    }

    /** Each system's own key (keys are unique per client). */
    public static String apiKey(Endpoints e, String connector) {
        return e.apiKey() + "." + connector;
    }

    private void connector(Connector connector, Endpoints e, Mapping mapping) {
        connectors.save(INSTALLER, connector, e.secret());
        if (connectors.mapping(connector.code()).map(m -> !m.mapping().equals(mapping)).orElse(true)) {
            connectors.saveMapping(INSTALLER, connector.code(), mapping);
        }
    }

    /**
     * The approval form of the sample systems: 许可证号 and 有效期至 are the department's own record (yiwang numbers
     * the e-licence and dates it by the licence type's validity); 许可范围 as each department maps it.
     */
    private static Map<String, String> licence(Map<String, String> scope) {
        return with(Map.of("XKZH", Mapping.RECORD + "number", "YXQZ", Mapping.RECORD_VALID_UNTIL), scope);
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
