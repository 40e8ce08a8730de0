package org.yiwang.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over {@code timestamp + "." + body}, hex, prefixed {@code sha256=} — both for what yiwang sends and for
 * the results department systems post. The timestamp bounds replays to {@link #MAX_SKEW}.
 */
final class Signatures {

    static final String CONNECTOR = "X-Yiwang-Connector";
    static final String TIMESTAMP = "X-Yiwang-Timestamp";
    static final String SIGNATURE = "X-Yiwang-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private Signatures() {}

    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether the signature matches and the timestamp is within {@link #MAX_SKEW} of {@code now}. */
    static boolean valid(String secret, String timestamp, String signature, byte[] body, Instant now) {
        if (secret == null || timestamp == null || signature == null) return false;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_SKEW.toSeconds()) return false;
        return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
