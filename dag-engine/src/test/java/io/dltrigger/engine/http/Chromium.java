package io.dltrigger.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol (a WebSocket), without Selenium:
 * open a page, evaluate JavaScript in it.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^/]+)/");

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    Chromium(Path profile, String url) throws Exception {
        String binary = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "chromium";
        process = new ProcessBuilder(
                        binary,
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectErrorStream(true)
                .start();
        String ws = devtoolsAddress();
        String http = ws.replace("ws://", "http://");
        HttpResponse<String> target = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http + "/json/new?" + url))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String pageSocket =
                JSON.readTree(target.body()).get("webSocketDebuggerUrl").asText();
        socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener())
                .get(30, TimeUnit.SECONDS);
    }

    /** Evaluates a JavaScript expression in the page and returns its value. */
    JsonNode eval(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String msg = JSON.createObjectNode()
                .put("id", id)
                .put("method", "Runtime.evaluate")
                .set(
                        "params",
                        JSON.createObjectNode().put("expression", expression).put("returnByValue", true))
                .toString();
        socket.sendText(msg, true).get(30, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error") || r.path("result").has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + r);
        }
        return r.path("result").path("result").path("value");
    }

    /** Polls a boolean expression until true. */
    void await(String what, String expression, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!eval(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("browser: timed out waiting for " + what + " (" + expression + ")");
            }
            Thread.sleep(100);
        }
    }

    private String devtoolsAddress() throws Exception {
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                found.complete(m.group(1));
                            }
                        }
                    } catch (java.io.IOException e) {
                        found.completeExceptionally(e);
                    }
                    found.completeExceptionally(
                            new IllegalStateException("chromium exited without a DevTools address"));
                },
                "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> f =
                            msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                    if (f != null) {
                        f.complete(msg);
                    }
                } catch (java.io.IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
