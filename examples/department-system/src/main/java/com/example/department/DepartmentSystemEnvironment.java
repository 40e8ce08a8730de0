package com.example.department;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives the department system its own configuration when it is the application being started (and does nothing
 * for any other application in the same JVM, such as the platform under test):
 * <ul>
 *   <li>{@code spring.config.name=department-system}, so it reads {@code department-system.yml} and never the
 *   platform's {@code application.yml}, and the platform never reads its file;</li>
 *   <li>the defaults in {@code department-system/defaults.yml} (port, database, department) as <em>default
 *   properties</em>, so that values given through {@code SpringApplicationBuilder.properties(...)} — also default
 *   properties — win over them instead of losing to a config file.</li>
 * </ul>
 */
class DepartmentSystemEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "department-system/defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!application.getAllSources().contains(DepartmentSystemApplication.class)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.config.name", "department-system");
        for (PropertySource<?> source : loadDefaults()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    defaults.putIfAbsent(name, enumerable.getProperty(name));
                }
            }
        }
        // what the caller already set as a default property stays; ours only fill the gaps
        PropertySource<?> given = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        if (given instanceof EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
                defaults.put(name, enumerable.getProperty(name));
            }
        }
        environment.getPropertySources().remove(DefaultPropertiesPropertySource.NAME);
        environment.getPropertySources().addLast(new DefaultPropertiesPropertySource(defaults));
    }

    private static Iterable<PropertySource<?>> loadDefaults() {
        try {
            return new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Before the config data processor, which reads {@code spring.config.name}. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
