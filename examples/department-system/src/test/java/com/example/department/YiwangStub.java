package com.example.department;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny stand-in for yiwang's inbound results API (JDK HTTP server): records each call and answers
 * {@code 200 {"partId":…, "status":…}} as the contract describes — or, for a part id starting {@code decided-}, the
 * 409 problem yiwang answers for a part decided there already, and for {@code unmapped-} a 400 naming a license field.
 */
final class YiwangStub implements AutoCloseable {

    record Call(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private YiwangStub(HttpServer server) {
        this.server = server;
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            JsonNode sent = json.readTree(body);
            String partId = sent.path("partId").asString();
            int status = 200;
            Object problem = null;
            if (partId.startsWith("decided-")) {
                // what yiwang answers for a part an automatic rule or its workbench already decided
                status = 409;
                problem = Map.of("status", 409, "field", "action", "rule", "state", "errors", List.of(Map.of(
                        "field", "action", "rule", "state", "detail", "当前状态(已准予)不能再受理")));
            } else if (partId.startsWith("unmapped-")) {
                status = 400;
                problem = Map.of("status", 400, "field", "license.XKZH", "rule", "unmapped-license-field",
                        "errors", List.of(Map.of("field", "license.XKZH", "rule", "unmapped-license-field",
                                "detail", "证照字段 XKZH 不在本连接的映射中")));
            }
            byte[] answer = json.writeValueAsBytes(problem != null ? problem
                    : Map.of("partId", partId, "status", sent.path("status").asString()));
            exchange.getResponseHeaders().add("Content-Type",
                    problem != null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static YiwangStub start() {
        try {
            return new YiwangStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next call received, waiting a little for it. */
    Call nextCall() throws InterruptedException {
        Call call = calls.poll(5, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("yiwang received no call");
        }
        return call;
    }

    /** Calls received and not yet taken with {@link #nextCall()}. */
    int pending() {
        return calls.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
