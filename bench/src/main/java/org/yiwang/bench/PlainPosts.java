package org.yiwang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The baseline of the exchange figures: what the same receivers take from a plain loop of signed POSTs. */
final class PlainPosts {

    private static final Pattern ID = Pattern.compile("\"id\":\"[0-9a-f-]{36}\"");

    private PlainPosts() {}

    /**
     * {@code bench.clients} clients, one shared HTTP/1.1 client (as the platform's REST transport), each POSTing the
     * body the platform sent, with a fresh id and a fresh signature, to the receivers in turn.
     */
    static Load.Outcome run(Receivers receivers, Settings settings, CpuMeter meter) throws Exception {
        byte[] sample = receivers.sample();
        if (sample == null) throw new IllegalStateException("no delivery arrived: nothing to post");
        String template = new String(sample, StandardCharsets.UTF_8);
        Matcher id = ID.matcher(template);
        if (!id.find()) throw new IllegalStateException("no id in the body: " + template);
        String before = template.substring(0, id.start());
        String after = template.substring(id.end());
        List<Receivers.Receiver> targets = receivers.receivers();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger clients = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        receivers.reset();
        Results.note("plain POST: " + sample.length + " bytes a body (the platform's), " + settings.clients()
                + " clients over " + targets.size() + " receivers");
        Load.Outcome outcome = Load.run(settings.clients(), settings.warmup(), settings.measure(), new String[] {""},
                () -> {
                    int[] next = {clients.getAndIncrement()};
                    return ignored -> {
                        Receivers.Receiver r = targets.get(next[0]++ % targets.size());
                        String key = UUID.randomUUID().toString();
                        byte[] body = (before + "\"id\":\"" + key + "\"" + after).getBytes(StandardCharsets.UTF_8);
                        long timestamp = Instant.now().getEpochSecond();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(r.url()))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Idempotency-Key", key)
                                .header("X-Yiwang-Connector", r.connector())
                                .header("X-Yiwang-Timestamp", Long.toString(timestamp))
                                .header("X-Yiwang-Signature", Receivers.sign(r.secret(), timestamp, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) firstError.compareAndSet(null, "HTTP " + status);
                        return status == 200;
                    };
                }, meter);
        if (firstError.get() != null) Results.note("plain POST, first error: " + firstError.get());
        receivers.reset();
        return outcome;
    }
}
