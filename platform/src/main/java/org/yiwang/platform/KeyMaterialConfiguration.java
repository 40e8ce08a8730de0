package org.yiwang.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.FieldCipher;

/**
 * Keys for personal data at rest. Production passes both keys in configuration ({@code YIWANG_CRYPTO_*});
 * the embedded default generates a key file under the data directory on first run and reuses it, so data
 * written yesterday still decrypts today. Losing the file loses the encrypted identifiers: back it up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(YiwangProperties.class)
class KeyMaterialConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterialConfiguration.class);

    @Bean
    FieldCipher fieldCipher(YiwangProperties properties) throws IOException {
        YiwangProperties.Crypto crypto = properties.crypto();
        if (crypto.encryptionKey() != null && crypto.indexKey() != null) {
            return new FieldCipher(Base64.getDecoder().decode(crypto.encryptionKey()),
                    Base64.getDecoder().decode(crypto.indexKey()));
        }
        Path file = properties.dataDir().resolve("keys").resolve("field-keys.properties");
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                keys.load(in);
            }
        } else {
            keys.setProperty("encryption-key", randomKey());
            keys.setProperty("index-key", randomKey());
            Files.createDirectories(file.getParent());
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                keys.store(out, "yiwang field keys - back this file up with the database");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: nothing more to restrict
            }
            log.info("Generated field encryption keys in {}", file.toAbsolutePath());
        }
        return new FieldCipher(Base64.getDecoder().decode(keys.getProperty("encryption-key")),
                Base64.getDecoder().decode(keys.getProperty("index-key")));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
