package io.dltrigger.engine.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.launch.ProcessRunner;
import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.Dag;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a DAG's alerts to its callbacks, off the engine's thread: each delivery is tried until the webhook
 * answers 2xx or the command exits 0, at most {@code 1 + retries} times with a doubling delay, each attempt bounded
 * in time. Deliveries live in memory: an alert whose engine stops before it is delivered is lost (said in the
 * README). A webhook's URL may hold a secret, so only its host is ever logged.
 */
public final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, task -> {
        Thread t = new Thread(task, "dltrigger-alerts");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();

    /** Sends {@code alert} (its {@code event} field names it) to every callback of {@code dag} that wants it. */
    public void notify(Dag dag, Callback.Event event, ObjectNode alert) {
        for (Callback c : dag.callbacks()) {
            if (c.events().contains(event)) {
                String body = alert.toString();
                threads.execute(() -> attempt(c, event, body, 1));
            }
        }
    }

    private void attempt(Callback c, Callback.Event event, String body, int n) {
        String failure;
        try {
            failure = deliver(c.target(), event, body);
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (failure == null) {
            return;
        }
        if (n > c.retries()) {
            LOG.error(
                    "alert {} to {} not delivered after {} attempts: {}",
                    event.fileName(),
                    where(c.target()),
                    n,
                    failure);
            return;
        }
        Duration delay = c.retryDelay().multipliedBy(1L << Math.min(n - 1, 20));
        LOG.warn("alert {} to {}: {}; attempt {} in {}", event.fileName(), where(c.target()), failure, n + 1, delay);
        threads.schedule(() -> attempt(c, event, body, n + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Null when delivered, else why not. */
    private String deliver(Callback.Target target, Callback.Event event, String body)
            throws IOException, InterruptedException {
        if (target instanceof Callback.Target.Webhook w) {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(url(w))
                            .timeout(ATTEMPT_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "dltrigger-engine")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
        }
        Callback.Target.Command cmd = (Callback.Target.Command) target;
        ProcessBuilder pb = new ProcessBuilder(cmd.argv()).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        ProcessRunner.dropEngineSecrets(pb.environment());
        pb.environment().put("DLTRIGGER_ALERT", body);
        pb.environment().put("DLTRIGGER_ALERT_EVENT", event.fileName());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // a command that does not read its stdin
        }
        if (!p.waitFor(ATTEMPT_TIMEOUT.toSeconds() * 6, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "still running after " + ATTEMPT_TIMEOUT.toSeconds() * 6 + " s (killed)";
        }
        return p.exitValue() == 0 ? null : "exit code " + p.exitValue();
    }

    private static URI url(Callback.Target.Webhook w) {
        if (w.url() != null) {
            return w.url();
        }
        String value = System.getenv(w.urlEnv());
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment variable " + w.urlEnv() + " is not set");
        }
        try {
            return URI.create(value.trim());
        } catch (IllegalArgumentException e) { // its message quotes the URL, which may hold a secret
            throw new IllegalStateException("the environment variable " + w.urlEnv() + " is not a URL");
        }
    }

    private static String where(Callback.Target t) {
        if (t instanceof Callback.Target.Webhook w) {
            return w.url() != null ? "webhook at " + w.url().getHost() : "webhook in $" + w.urlEnv();
        }
        return "command " + ((Callback.Target.Command) t).argv().get(0);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
