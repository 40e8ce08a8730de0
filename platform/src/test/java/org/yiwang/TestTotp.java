package org.yiwang;

import cn.hutool.core.codec.Base32;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app for tests: RFC 6238 codes computed here independently of the product's code, and the
 * secrets the tests saw at enrolment (one test JVM, one ephemeral database), so that every later sign-in of an
 * administrator can give a fresh code. A code is never given twice: the product refuses a replay.
 */
public final class TestTotp {

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private TestTotp() {}

    public static void remember(String username, String base32Secret) {
        SECRETS.put(username, base32Secret.replace(" ", ""));
    }

    public static boolean knows(String username) {
        return SECRETS.containsKey(username);
    }

    /** A code not given before for this user: the current step's, else the next one's, else waits for a new step. */
    public static synchronized String nextCode(String username) {
        String secret = SECRETS.get(username);
        if (secret == null) throw new IllegalStateException("no TOTP secret seen for " + username);
        while (true) {
            long now = Instant.now().getEpochSecond() / 30;
            long last = LAST_STEP.getOrDefault(username, Long.MIN_VALUE);
            long step = Math.max(now, last + 1);
            if (step <= now + 1) {
                LAST_STEP.put(username, step);
                return code(secret, step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base32.decode(base32Secret.replace(" ", "")), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[19] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return "%06d".formatted(bin % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }
}
