package com.example.demo;

import com.example.department.DepartmentSystemApplication;
import com.example.department.LegacyDatabase;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.demo.DemoExchange;

/**
 * The exchange demo in one JVM: the sample department system (examples/department-system) three times — commerce,
 * health, transport — the police's legacy database with its officers' page, and the platform with its demo
 * connectors pointed at all of them. Everything keeps its data under {@code ./data}, so a second run goes on where
 * the first stopped.
 *
 * <p>This class lives outside {@code org.yiwang} so that the platform's component scan (and Spring Modulith's view
 * of its modules) does not see it; the platform still reads its own {@code application.yml}, the sample systems
 * their {@code department-system.yml}.
 */
public final class DemoLauncher {

    private static final Logger log = LoggerFactory.getLogger(DemoLauncher.class);

    /** DEMO ONLY — a fixed, public secret: every demo connector's HMAC secret and the legacy database's password. */
    static final String DEMO_SECRET = "demo-only-exchange-secret-not-for-production";
    /** DEMO ONLY — a fixed, public key stem: each sample system posts results with {@code stem.<connector code>}. */
    static final String DEMO_API_KEY = "yw_demo_only_api_key_not_for_production";

    static final int PLATFORM_PORT = 8080;
    static final int LEGACY_PAGE_PORT = 8084;

    /**
     * A sample department system on its own port and H2 database; license fields add to the sample's defaults
     * (许可证号, 许可范围, 有效期至, which the demo connectors' mappings take).
     *
     * @param password DEMO ONLY — its officer's password (user {@value #OFFICER}), listed in the README
     */
    record SampleSystem(String connector, int port, String name, Map<String, String> licenseFields, String password) {}

    /** Each sample system's officer account (their own users, not yiwang's). */
    static final String OFFICER = "officer";

    static final List<SampleSystem> SYSTEMS = List.of(
            new SampleSystem(DemoExchange.COMMERCE, 8081, "徐汇区商务委 酒类流通管理系统", Map.of(), "demo-sw-8081"),
            new SampleSystem(DemoExchange.HEALTH, 8082, "徐汇区卫健委 卫生监督业务系统", Map.of(), "demo-wjw-8082"),
            new SampleSystem(DemoExchange.TRANSPORT, 8083, "徐汇区建管委 网约车驾驶员管理后台", Map.of(), "demo-jt-8083"));
    /** DEMO ONLY — the police legacy page's officer password. */
    static final String LEGACY_PASSWORD = "demo-ga-8084";

    private DemoLauncher() {
    }

    public static void main(String[] args) {
        Path data = Path.of("data").toAbsolutePath();
        Path examples = data.resolve("examples");
        String legacyUrl = "jdbc:h2:file:" + examples.resolve("legacy-ga") + ";AUTO_SERVER=TRUE";
        Deque<ConfigurableApplicationContext> started = new ArrayDeque<>(); // newest first
        try {
            // the small ones first: a taken port shows within seconds, not after the platform's start
            for (SampleSystem system : SYSTEMS) {
                started.push(sampleSystem(system, examples));
            }
            LegacyDatabase.create(legacyUrl, "sa", DEMO_SECRET);
            started.push(legacyPage(legacyUrl));
            started.push(new SpringApplicationBuilder(YiwangApplication.class).main(YiwangApplication.class)
                    .properties(platformProperties(data, legacyUrl)).run(args));
        } catch (RuntimeException e) {
            // the sample systems' web servers would otherwise keep the JVM alive after a failed start
            started.forEach(ConfigurableApplicationContext::close);
            throw e;
        }
        log.info("Demo ready: yiwang http://localhost:{}/ | commerce http://localhost:8081/ | health "
                + "http://localhost:8082/ | transport http://localhost:8083/ | police legacy DB http://localhost:{}/"
                + " (the department systems: user {}, passwords in the README)", PLATFORM_PORT, LEGACY_PAGE_PORT, OFFICER);
    }

    private static ConfigurableApplicationContext sampleSystem(SampleSystem system, Path examples) {
        Map<String, Object> properties = new LinkedHashMap<>(common(system.connector(), system.port(), system.name(),
                system.password()));
        properties.put("spring.datasource.url", "jdbc:h2:file:" + examples.resolve(system.connector()));
        properties.put("department.yiwang-url", "http://localhost:" + PLATFORM_PORT);
        properties.put("department.api-key", DEMO_API_KEY + "." + system.connector());
        properties.put("department.codes.XB", "M,F");
        system.licenseFields().forEach((field, label) -> properties.put("department.license-fields." + field, label));
        return new SpringApplicationBuilder(DepartmentSystemApplication.class).main(DepartmentSystemApplication.class)
                .properties(properties).run();
    }

    /** The police officers' page on their legacy database (the sample's {@code legacy} profile). */
    private static ConfigurableApplicationContext legacyPage(String legacyUrl) {
        Map<String, Object> properties = new LinkedHashMap<>(
                common(DemoExchange.POLICE, LEGACY_PAGE_PORT, "徐汇公安分局 特种行业管理系统(旧库)", LEGACY_PASSWORD));
        properties.put("spring.datasource.url", legacyUrl);
        properties.put("spring.datasource.password", DEMO_SECRET);
        return new SpringApplicationBuilder(DepartmentSystemApplication.class).main(DepartmentSystemApplication.class)
                .profiles("legacy").properties(properties).run();
    }

    private static Map<String, Object> common(String connector, int port, String name, String password) {
        return Map.of("server.port", port, "department.connector", connector, "department.name", name,
                "department.secret", DEMO_SECRET, "spring.main.banner-mode", "off",
                "department.officer.username", OFFICER, "department.officer.password", password,
                // logging is set up once per JVM: the first application's name would label every line
                "logging.include-application-name", false);
    }

    /** Default properties: the platform's application.yml (and any --option) still win where they set the same. */
    private static Map<String, Object> platformProperties(Path data, String legacyUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("logging.include-application-name", false);
        properties.put("yiwang.demo.exchange.enabled", true);
        properties.put("yiwang.demo.exchange.commerce-url", intake(DemoExchange.COMMERCE));
        properties.put("yiwang.demo.exchange.health-url", intake(DemoExchange.HEALTH));
        properties.put("yiwang.demo.exchange.transport-url", intake(DemoExchange.TRANSPORT));
        properties.put("yiwang.demo.exchange.legacy-jdbc-url", legacyUrl);
        properties.put("yiwang.demo.exchange.street-folder", data.resolve("examples/street-310104014").toString());
        properties.put("yiwang.demo.exchange.secret", DEMO_SECRET);
        properties.put("yiwang.demo.exchange.api-key", DEMO_API_KEY);
        return properties;
    }

    private static String intake(String connector) {
        int port = SYSTEMS.stream().filter(s -> s.connector().equals(connector)).findFirst().orElseThrow().port();
        return "http://localhost:" + port + "/intake";
    }
}
