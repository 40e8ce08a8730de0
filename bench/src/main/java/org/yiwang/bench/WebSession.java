package org.yiwang.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in browser session, as a user of the web front end has it: form login on {@code /login}, the session
 * cookie, and the CSRF token of the {@code <meta name="_csrf">} of a page sent as a header on every API call (the
 * platform exempts only API-key calls from CSRF). Not thread-safe: one per client thread.
 */
final class WebSession {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    /** A response: its status and, for the checks made before a load, its body. */
    record Response(int status, String body) {}

    private final String base;
    private String cookie;
    private String csrfHeader;
    private String csrfToken;

    private WebSession(String base) {
        this.base = base;
    }

    /** Signs in like a browser: the login page for a token, the form POST, then a page for the new session's token. */
    static WebSession login(int port, String username, String password) throws IOException {
        WebSession session = new WebSession("http://localhost:" + port);
        session.readToken(session.get("/login"));
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(session.csrfToken, StandardCharsets.UTF_8);
        HttpURLConnection connection = session.open("/login", "POST");
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        Response answer = session.send(connection, form.getBytes(StandardCharsets.UTF_8));
        String location = connection.getHeaderField("Location");
        if (answer.status() != 302 || location == null || location.contains("/login")) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.status() + " → " + location);
        }
        // the login changed the session id and dropped the token: take the new one from any page
        session.readToken(session.get("/"));
        return session;
    }

    /** POSTs JSON as the signed-in user. */
    Response postJson(String path, String json) throws IOException {
        HttpURLConnection connection = open(path, "POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty(csrfHeader, csrfToken);
        return send(connection, json.getBytes(StandardCharsets.UTF_8));
    }

    private Response get(String path) throws IOException {
        HttpURLConnection connection = open(path, "GET");
        return send(connection, null);
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        if (cookie != null) connection.setRequestProperty("Cookie", "JSESSIONID=" + cookie);
        return connection;
    }

    /** Sends the body, reads the whole answer (so the keep-alive connection is reused) and keeps a new session id. */
    private Response send(HttpURLConnection connection, byte[] body) throws IOException {
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        List<String> cookies = connection.getHeaderFields().get("Set-Cookie");
        if (cookies != null) {
            for (String c : cookies) {
                Matcher m = SESSION.matcher(c);
                if (m.find()) cookie = m.group(1);
            }
        }
        byte[] bytes;
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            bytes = in == null ? new byte[0] : in.readAllBytes();
        }
        return new Response(status, new String(bytes, StandardCharsets.UTF_8));
    }

    private void readToken(Response page) {
        Matcher token = TOKEN.matcher(page.body());
        Matcher header = HEADER.matcher(page.body());
        if (page.status() != 200 || !token.find() || !header.find()) {
            throw new IllegalStateException("no CSRF token on the page (status " + page.status() + ")");
        }
        csrfToken = token.group(1);
        csrfHeader = header.group(1);
    }
}
