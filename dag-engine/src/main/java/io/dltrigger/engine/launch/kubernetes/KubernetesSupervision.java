package io.dltrigger.engine.launch.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.SupervisedJob;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervision of streaming jobs that are Kubernetes objects (FlinkDeployments): the engine's supervisor asks every
 * second whether a job lives, on its coordinating thread, so the answer comes from what a background thread last
 * read of the object (every {@link #READ_EVERY}); nothing here blocks the caller. A dead job (its Flink job failed,
 * canceled or finished) is restarted where it is: a new {@code spec.restartNonce} makes the Flink operator deploy it
 * again, from its last savepoint or checkpoint as its {@code upgradeMode} says. A job deleted by hand is no longer
 * supervised: that is how one stops it.
 */
public final class KubernetesSupervision {
    public static final String TYPE = "kubernetes";
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesSupervision.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration READ_EVERY = Duration.ofSeconds(2);
    /** A restarted job counts as alive until its status shows the operator at work, or for at most this long. */
    private static final Duration RESTART_GRACE = Duration.ofMinutes(5);
    /** A job the supervisor stopped asking about (replaced, given up) is no longer read after this long. */
    private static final Duration FORGET_AFTER = Duration.ofSeconds(30);

    private final Supplier<KubernetesClient> client;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private ScheduledExecutorService reader;

    public KubernetesSupervision(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    private enum Health {
        ALIVE,
        DEAD,
        GONE
    }

    private static final class Watched {
        final String key;
        final Target target;
        volatile Health health = Health.ALIVE;
        /** The job's newest completed checkpoint as its status reports it, or null. */
        volatile String lastCheckpoint;

        volatile long askedAt = System.nanoTime();
        /** After a restart: readings of a dead job are ignored until one is not, or until this time. */
        volatile long restartedUntil;

        Watched(String key, Target target) {
            this.key = key;
            this.target = target;
        }
    }

    /** The object a supervised job stands for ({@link SupervisedJob#command()}: kind, namespace and name). */
    record Target(ObjectKind kind, String namespace, String name) {
        static Target of(SupervisedJob job) {
            try {
                JsonNode o = JSON.readTree(job.command());
                return new Target(
                        ObjectKind.of(
                                        o.path("api_version").asText(),
                                        o.path("kind").asText())
                                .orElseThrow(() -> new IllegalStateException("unknown kind in " + job.command())),
                        o.path("namespace").asText(),
                        o.path("name").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String describe() {
            return kind.kind() + " " + namespace + "/" + name;
        }
    }

    /** What was last read: unknown or being restarted counts as alive. Never blocks. */
    public boolean alive(SupervisedJob job) {
        Watched w = watched.computeIfAbsent(job.command(), k -> start(new Watched(k, Target.of(job))));
        w.askedAt = System.nanoTime();
        return w.health == Health.ALIVE;
    }

    /**
     * The job's newest completed checkpoint (its status's {@code jobStatus.checkpointInfo.lastCheckpoint}), as last
     * read: each new one is a commit of the assets the task updates.
     */
    public Optional<String> latestCommit(SupervisedJob job) {
        Watched w = watched.get(job.command());
        return w == null ? Optional.empty() : Optional.ofNullable(w.lastCheckpoint);
    }

    /** Deletes the object of a job that a newer run replaced. */
    public void stop(SupervisedJob job) {
        Target t = Target.of(job);
        Watched w = watched.remove(job.command());
        try {
            resource(t).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            LOG.info("deleted {}: replaced by a newer run", t.describe());
        } catch (KubernetesClientException e) {
            LOG.warn("cannot delete {}: {}", t.describe(), e.getMessage());
            if (w != null) {
                watched.put(job.command(), w);
            }
        }
    }

    /** A dead job deployed again by its operator (a new restart nonce), or no longer supervised if it is gone. */
    public Restarted restart(SupervisedJob job) {
        Watched w = watched.get(job.command());
        Target t = Target.of(job);
        if (w == null || w.health == Health.GONE) {
            watched.remove(job.command());
            return new Restarted(
                    job.withState(SupervisedJob.State.GAVE_UP),
                    t.describe() + " was deleted outside the engine: no longer supervised");
        }
        long nonce = System.currentTimeMillis();
        w.health = Health.ALIVE;
        w.restartedUntil = System.nanoTime() + RESTART_GRACE.toNanos();
        reader().execute(() -> {
            try {
                resource(t)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": {\"restartNonce\": " + nonce + "}}");
                LOG.warn("supervised {} died: redeployed (restartNonce {})", t.describe(), nonce);
            } catch (KubernetesClientException e) {
                LOG.error("cannot restart {}: {}", t.describe(), e.getMessage());
                w.restartedUntil = 0; // read as dead again, and restarted again
            }
        });
        return new Restarted(job.restarted(0, null), "redeployed " + t.describe() + " (restartNonce " + nonce + ")");
    }

    public record Restarted(SupervisedJob job, String note) {}

    private Watched start(Watched w) {
        reader().scheduleWithFixedDelay(
                        new Runnable() {
                            @Override
                            public void run() {
                                if (System.nanoTime() - w.askedAt > FORGET_AFTER.toNanos() || watched.get(w.key) != w) {
                                    watched.remove(w.key, w);
                                    throw new IllegalStateException("no longer supervised"); // ends this schedule
                                }
                                read(w);
                            }
                        },
                        0,
                        READ_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
        return w;
    }

    private void read(Watched w) {
        Health h;
        try {
            GenericKubernetesResource r = resource(w.target).get();
            if (r == null) {
                h = Health.GONE;
            } else {
                JsonNode o = JSON.valueToTree(r);
                ObjectKind.Phase p = w.target.kind().status(o).phase();
                h = p == ObjectKind.Phase.FAILED || p == ObjectKind.Phase.SUCCEEDED ? Health.DEAD : Health.ALIVE;
                JsonNode chk = o.at("/status/jobStatus/checkpointInfo/lastCheckpoint/timeStamp");
                if (chk.isNumber()) {
                    w.lastCheckpoint = "checkpoint at " + chk.asLong();
                }
            }
        } catch (KubernetesClientException e) {
            LOG.debug("cannot read {}: {}", w.target.describe(), e.getMessage());
            return; // unknown: keep the last reading
        }
        if (h == Health.DEAD && System.nanoTime() < w.restartedUntil) {
            return; // the operator has not taken the restart up yet
        }
        w.restartedUntil = 0;
        w.health = h;
    }

    private Resource<GenericKubernetesResource> resource(Target t) {
        return client.get()
                .genericKubernetesResources(t.kind().context())
                .inNamespace(t.namespace())
                .withName(t.name());
    }

    private synchronized ScheduledExecutorService reader() {
        if (reader == null) {
            reader = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dltrigger-k8s-supervision");
                t.setDaemon(true);
                return t;
            });
        }
        return reader;
    }
}
