package org.yiwang.licenses.internal;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits verification by printed identifier per client address: identifiers are serial numbers, so without a limit
 * anyone could walk the register. {@code yiwang.licenses.verify-per-minute} (default 20) verifications a minute per
 * address and node, refilled once a minute (Bucket4j); the QR code's token, which cannot be guessed, is not limited.
 * Behind a proxy the address is the forwarded one ({@code server.forward-headers-strategy}). The buckets live in
 * this node's memory: a cluster of n nodes lets through at most n times the limit, which is still no walk.
 */
@Component
class VerificationThrottle {

    /** Above this many addresses, the buckets that are full again (idle for a minute) are dropped. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    VerificationThrottle(@Value("${yiwang.licenses.verify-per-minute:20}") int perMinute) {
        this.perMinute = perMinute;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one verification from the address's allowance; {@code false} when it is used up for this minute. */
    boolean tryAcquire(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= perMinute);
        }
        String key = address == null ? "" : address;
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build()).tryConsume(1);
    }
}
