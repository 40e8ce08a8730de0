package org.yiwang.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings ({@code yiwang.*}).
 *
 * @param dataDir  where the embedded default keeps its database and generated keys
 * @param embedded the embedded PostgreSQL
 * @param crypto   keys for field encryption and blind indexes (base64, 32 bytes each); when empty the
 *                 embedded default generates them under {@code dataDir/keys} on first run
 * @param demo     whether to load the demo district, accounts and persons at start
 */
@ConfigurationProperties("yiwang")
public record YiwangProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Embedded embedded,
                               @DefaultValue Crypto crypto, @DefaultValue Demo demo) {

    /** @param serverConfig extra postgresql.conf settings for the embedded server */
    public record Embedded(@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int port,
                           @DefaultValue("40") int poolSize, java.util.Map<String, String> serverConfig) {}

    public record Crypto(String encryptionKey, String indexKey) {}

    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("2000") int persons) {}
}
