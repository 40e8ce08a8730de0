package org.yiwang.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Department systems on loopback, one HTTP server each (JDK {@code com.sun.net.httpserver}, one shared small
 * executor): each checks the request as the exchange contract asks (HMAC-SHA256 over {@code timestamp + "." + body}
 * with its connector's secret, constant-time compare, timestamp within 300 s), notes the {@code Idempotency-Key}
 * and when it arrived, and answers 200 — 401 for a bad signature, and 200 again, without a second record, for a
 * repeat.
 */
final class Receivers implements AutoCloseable {

    /** One department system: where it listens and the secret its connector signs with. */
    record Receiver(String connector, String url, String secret) {}

    private static final long MAX_SKEW_SECONDS = 300;

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();
    private final ExecutorService executor;
    /** Idempotency key → System.nanoTime() of its first arrival, for every receiver. */
    private final Map<String, Long> received = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReference<byte[]> sample = new AtomicReference<>();

    private Receivers(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-receiver");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts one receiver per connector code, each with its own secret. */
    static Receivers start(List<String> connectors, Map<String, String> secrets, int threads) throws IOException {
        Receivers all = new Receivers(threads);
        try {
            for (String connector : connectors) all.add(connector, secrets.get(connector));
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    private void add(String connector, String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/hook", exchange -> handle(exchange, connector, secret));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        receivers.add(new Receiver(connector, "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", secret));
    }

    private void handle(HttpExchange exchange, String connector, String secret) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long now = System.nanoTime();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (!connector.equals(exchange.getRequestHeaders().getFirst("X-Yiwang-Connector"))
                    || !valid(secret, exchange.getRequestHeaders().getFirst("X-Yiwang-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Yiwang-Signature"), body) || key == null) {
                rejected.incrementAndGet();
                byte[] problem = "{\"title\":\"bad signature\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(401, problem.length);
                exchange.getResponseBody().write(problem);
                return;
            }
            if (received.putIfAbsent(key, now) != null) repeats.incrementAndGet();
            else lastArrival.accumulateAndGet(now, Math::max);
            sample.compareAndSet(null, body);
            exchange.sendResponseHeaders(200, -1);
        }
    }

    static boolean valid(String secret, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) return false;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > MAX_SKEW_SECONDS) return false;
        return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** The contract's signature: {@code sha256=} + hex of HMAC-SHA256(secret, timestamp + "." + body). */
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

    List<Receiver> receivers() {
        return List.copyOf(receivers);
    }

    /** When the delivery with this idempotency key first arrived (System.nanoTime()), or null. */
    Long receivedAt(String key) {
        return received.get(key);
    }

    int receivedCount() {
        return received.size();
    }

    /** When the latest first arrival was (System.nanoTime()), 0 before any. */
    long lastArrival() {
        return lastArrival.get();
    }

    long repeats() {
        return repeats.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** A body the platform sent (the first one received), so a plain sender can post one of the same size. */
    byte[] sample() {
        return sample.get();
    }

    /** Forgets what arrived, between two measured runs. */
    void reset() {
        received.clear();
        lastArrival.set(0);
        repeats.set(0);
        rejected.set(0);
    }

    /** CPU seconds of the receivers' threads (their executor and the servers' dispatchers). */
    static double cpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String name = info.getThreadName();
            if (name.startsWith("bench-receiver") || name.startsWith("HTTP-Dispatcher")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) total += cpu / 1e9;
            }
        }
        return total;
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
