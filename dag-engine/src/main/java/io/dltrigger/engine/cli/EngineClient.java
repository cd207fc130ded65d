package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.config.HttpSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The command line's view of a running engine: its REST API with a bearer token. Every call is bounded (connect
 * and answer), so a stopped or frozen engine gives a clear error instead of a hang.
 */
final class EngineClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final HttpClient http;

    /** {@code ownTls}: the engine's own keystore (conf/engine.yaml): when set, the trust store for an https URL. */
    EngineClient(String base, String token, HttpSettings.Tls ownTls) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (ownTls != null && this.base.startsWith("https:") && Files.isReadable(ownTls.keystore())) {
            b.sslContext(trusting(ownTls));
        }
        this.http = b.build();
    }

    JsonNode get(String path) {
        return json(send(HttpRequest.newBuilder(uri(path)).GET()));
    }

    String text(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return json(send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString()))));
    }

    void delete(String path) {
        send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> r;
        try {
            r = http.send(
                    request.timeout(ANSWER_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new IllegalStateException(
                    "no engine answers at " + base + " (start one: bin/dltrigger engine server; or pass --url)", e);
        } catch (HttpTimeoutException e) {
            throw new IllegalStateException(
                    "the engine at " + base + " did not answer within " + ANSWER_TIMEOUT.toSeconds()
                            + " s (is it stopped or frozen?)",
                    e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the engine at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (r.statusCode() >= 300) {
            String message = r.body();
            try {
                message = JSON.readTree(r.body()).path("error").asText(r.body());
            } catch (IOException notJson) {
                // the body as it is
            }
            throw new IllegalStateException(message + " (HTTP " + r.statusCode() + ")");
        }
        return r.body();
    }

    private static JsonNode json(String body) {
        try {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the engine answered something other than JSON: " + e.getMessage(), e);
        }
    }

    private static SSLContext trusting(HttpSettings.Tls tls) {
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, tls.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the engine's keystore " + tls.keystore() + ": " + e, e);
        }
    }
}
