package com.example.department;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange contract's signature: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>},
 * the same both ways (yiwang → department, department → yiwang).
 */
public record ExchangeSignature(String secret) {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    public String sign(long timestamp, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestamp, body));
    }

    /** Whether {@code header} is a valid signature of this body at this timestamp (compared in constant time). */
    public boolean verifies(String header, long timestamp, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestamp, body), given);
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ExchangeSignature[secret=***]";
    }
}
