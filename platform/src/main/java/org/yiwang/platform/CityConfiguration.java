package org.yiwang.platform;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;
import org.yiwang.kernel.CitySettings;

/**
 * One clock and one set of city settings for the whole platform ({@code yiwang.city.*}). The {@link Clock} runs in
 * the city's zone, so {@code LocalDate.now(clock)} is the city's today; pages format times with {@code #times}
 * (Thymeleaf's temporals in the city's zone: {@code ${#times.format(instant, 'yyyy-MM-dd HH:mm')}}), never with
 * the JVM's default zone, which on a server is usually UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CityConfiguration.City.class)
class CityConfiguration {

    @ConfigurationProperties("yiwang.city")
    record City(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("310104") String districtCode,
                @DefaultValue("徐汇区") String districtName, @DefaultValue("310104-ZWFW") String serviceCentre,
                @DefaultValue("310104-CY") String commandCentre) {}

    @Bean
    CitySettings citySettings(City city) {
        return new CitySettings(city.zone(), city.districtCode(), city.districtName(), city.serviceCentre(),
                city.commandCentre());
    }

    @Bean
    Clock clock(CitySettings city) {
        return Clock.system(city.zone());
    }

    @Bean
    TimesDialect timesDialect(CitySettings city) {
        return new TimesDialect(city.zone());
    }

    /** {@code #times}: Thymeleaf's own temporals object, bound to the city's zone instead of the JVM's. */
    static final class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {
        private final ZoneId zone;

        TimesDialect(ZoneId zone) {
            super("yiwang-times");
            this.zone = zone;
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {
                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("times");
                }

                @Override
                public Object buildObject(IExpressionContext context, String name) {
                    return new Temporals(context.getLocale(), zone);
                }

                @Override
                public boolean isCacheable(String name) {
                    return false;
                }
            };
        }
    }
}
