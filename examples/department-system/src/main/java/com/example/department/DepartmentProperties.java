package com.example.department;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who this department system is and how it talks to yiwang.
 *
 * @param name          shown on its pages, e.g. 徐汇区卫生健康委员会 卫生监督业务系统
 * @param connector     the connector code yiwang knows it by, e.g. WJW-HEALTH
 * @param secret        the shared HMAC secret of that connector
 * @param yiwangUrl     where yiwang runs; results go to {@code /api/v1/exchange/results} below it
 * @param apiKey        this system's API key for posting results to yiwang
 * @param codes         their code tables: field → allowed codes; a delivery with any other value is refused
 * @param licenseFields the fields an officer fills in when approving: their field name → label
 * @param maxSkew       how far a delivery's timestamp may be from now
 * @param officer       the account its officers log in with (pages: form login; JSON API: HTTP Basic)
 */
@ConfigurationProperties("department")
public record DepartmentProperties(
        String name,
        String connector,
        String secret,
        URI yiwangUrl,
        String apiKey,
        @DefaultValue Map<String, List<String>> codes,
        @DefaultValue Map<String, String> licenseFields,
        @DefaultValue("300s") Duration maxSkew,
        @DefaultValue Officer officer) {

    /**
     * The officers' account.
     *
     * @param username their login, {@code officer} unless set
     * @param password their password; when none is configured a random one is generated at start and logged once
     */
    public record Officer(@DefaultValue("officer") String username, String password) {}

    public DepartmentProperties {
        if (connector == null || connector.isBlank()) {
            throw new IllegalArgumentException("department.connector must be set");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("department.secret must be set");
        }
    }

    /** Below yiwang's URL, keeping any context path it has (e.g. {@code https://gov.example/yiwang}). */
    URI resultsEndpoint() {
        return URI.create(yiwangUrl.toString().replaceAll("/+$", "") + "/api/v1/exchange/results");
    }
}
