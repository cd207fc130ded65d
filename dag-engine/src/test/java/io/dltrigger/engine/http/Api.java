package io.dltrigger.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The REST API as a client sees it, with a bearer token (or none). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    final String base;
    private final String token;

    Api(String base, String token) {
        this(HttpClient.newHttpClient(), base, token);
    }

    Api(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    Api as(String otherToken) {
        return new Api(http, base, otherToken);
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A status line and body, from a request written by hand: headers a client library won't set (Host). */
    record Raw(int status, String body) {}

    Raw raw(String method, String path, Map<String, String> headers, String body) throws Exception {
        URI u = URI.create(base);
        try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                req.append("Host: ")
                        .append(u.getHost())
                        .append(':')
                        .append(u.getPort())
                        .append("\r\n");
            }
            if (token != null) {
                req.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
            byte[] b = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            req.append("Content-Length: ").append(b.length).append("\r\nConnection: close\r\n\r\n");
            s.getOutputStream().write(req.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            String response = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Raw(status, split < 0 ? "" : response.substring(split + 4));
        }
    }

    int status(String method, String path) throws Exception {
        return send(method, path, method.equals("GET") ? null : "{}", Map.of()).statusCode();
    }

    String text(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, null, Map.of());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(text(path));
    }

    JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> r = send("POST", path, body, Map.of("Content-Type", "application/json"));
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitUntil(String what, Check c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!c.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
