package org.yiwang.services.internal.application;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.yiwang.kernel.Masking;
import org.yiwang.services.SmsGateway;

/**
 * SMS gateways: with {@code yiwang.sms.url} set, messages are POSTed as JSON {@code {"phone","message","sign"}} to
 * that gateway (with {@code yiwang.sms.token} as a bearer token); otherwise they are logged with the phone masked.
 */
@Configuration(proxyBeanMethods = false)
class SmsGateways {

    private static final Logger log = LoggerFactory.getLogger(SmsGateways.class);

    @Bean
    @ConditionalOnProperty(prefix = "yiwang.sms", name = "url")
    SmsGateway httpSmsGateway(Environment env) {
        var factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(3));
        factory.setReadTimeout(Duration.ofSeconds(5));
        RestClient client = RestClient.builder().requestFactory(factory).baseUrl(env.getRequiredProperty("yiwang.sms.url"))
                .defaultHeader("Authorization", "Bearer " + env.getProperty("yiwang.sms.token", "")).build();
        String sign = env.getProperty("yiwang.sms.sign", "一网通办");
        return (phone, message) -> client.post().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("phone", phone, "message", message, "sign", sign)).retrieve().toBodilessEntity();
    }

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway loggingSmsGateway() {
        return (phone, message) -> log.info("SMS to {}: {}", Masking.phone(phone), message);
    }
}
