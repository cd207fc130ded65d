package io.dltrigger.engine.launch.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.launch.Cancellation;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.ProcessRunner;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.model.SupervisedJob;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One try of a kubernetes task, on a worker thread: submits the object unless it exists (re-attach), then follows it
 * to its end: a watch wakes it on every change, a read every poll interval is the truth (a watch can drop events).
 * Its pods' logs go to the try's log. A cancellation (timeout, run timeout) deletes the object; a streaming job
 * (FlinkDeployment) that has been running for {@code running_after} is handed to supervision.
 */
public final class KubernetesTry {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the logs of finished pods get to arrive after the object says it is done. */
    private static final Duration LOG_DRAIN = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final TryFiles files;
    private final long taskInstanceId;
    private final String taskId;
    private final Cancellation cancel;
    private final Semaphore wake = new Semaphore(0);
    private volatile TryHandle handle;
    private volatile boolean watchClosed = true;

    public KubernetesTry(
            KubernetesClient client,
            TryHandle handle,
            TryFiles files,
            long taskInstanceId,
            String taskId,
            Cancellation cancel) {
        this.client = client;
        this.handle = handle;
        this.files = files;
        this.taskInstanceId = taskInstanceId;
        this.taskId = taskId;
        this.cancel = cancel;
    }

    /**
     * Submits (or, {@code reattached}, finds) the object and follows it to the try's end; the caller has bound the
     * cancellation to this thread.
     */
    public Outcome run(boolean reattached) {
        PodLogs logs = null;
        Watch watch = null;
        try {
            if (!reattached) {
                deleteEarlierTries();
            }
            Outcome refused = submit(reattached);
            if (refused != null) {
                return refused;
            }
            logs = new PodLogs(client, handle.namespace(), files.logFile(), handle.logOffsets(), this::saveOffsets);
            long runningSince = -1;
            while (true) {
                if (cancel.cancelled()) {
                    return cancelled(logs);
                }
                if (watchClosed) {
                    watch = rewatch(watch);
                }
                JsonNode o;
                try {
                    GenericKubernetesResource r = resource().get();
                    if (r == null) {
                        logs.close();
                        return Outcome.failed(null, handle.describe() + " was deleted by someone else");
                    }
                    o = JSON.valueToTree(r);
                    logs.follow(pods(o));
                } catch (KubernetesClientException e) {
                    note("cannot read " + handle.describe() + " (will try again): " + e.getMessage());
                    o = null;
                }
                if (o != null) {
                    ObjectKind.Status st = handle.kind().status(o);
                    switch (st.phase()) {
                        case SUCCEEDED -> {
                            note(handle.describe() + " succeeded");
                            logs.finish(LOG_DRAIN);
                            return succeeded();
                        }
                        case FAILED -> {
                            note(handle.describe() + " failed: " + st.message());
                            logs.finish(LOG_DRAIN);
                            return Outcome.failed(null, handle.kind().kind() + " failed: " + st.message());
                        }
                        case RUNNING -> {
                            runningSince = runningSince < 0 ? System.nanoTime() : runningSince;
                            if (System.nanoTime() - runningSince
                                    >= handle.runningAfter().toNanos()) {
                                note(handle.describe() + " has been running for " + handle.runningAfter()
                                        + ": success; the engine now supervises it");
                                logs.close();
                                return new Outcome.Supervised(supervised());
                            }
                        }
                        case PENDING -> runningSince = -1;
                    }
                }
                long waitNanos = handle.pollInterval().toNanos();
                if (runningSince >= 0) {
                    waitNanos = Math.min(
                            waitNanos, runningSince + handle.runningAfter().toNanos() - System.nanoTime());
                }
                if (wake.tryAcquire(Math.max(1, waitNanos), TimeUnit.NANOSECONDS)) {
                    wake.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            if (cancel.cancelled()) {
                return cancelled(logs);
            }
            // Not a cancellation: the engine is stopping. The object runs on and the next engine re-attaches.
            closeQuietly(logs);
            return Outcome.failed(null, "the engine stopped watching " + handle.describe());
        } catch (IOException e) {
            return Outcome.failed(null, "cannot write the log of " + handle.describe() + ": " + e.getMessage());
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    /**
     * Creates the object unless it exists. Returns null when it exists now, else how the try ends: a manifest the
     * API server refuses fails it; an object that was submitted but is gone ended while no engine watched it.
     */
    private Outcome submit(boolean reattached) throws InterruptedException {
        while (true) {
            if (cancel.cancelled()) {
                return cancelled(null);
            }
            try {
                if (resource().get() != null) {
                    if (reattached) {
                        note("re-attached to " + handle.describe() + " after an engine restart");
                    } else {
                        note(handle.describe() + " exists already: watching it, not submitting it again");
                    }
                    saveHandle(handle.asSubmitted());
                    return null;
                }
                if (handle.submitted()) {
                    return Outcome.failed(
                            null, handle.describe() + " is gone: it was deleted while no engine watched it");
                }
                if (handle.output() != null) {
                    Files.deleteIfExists(Path.of(handle.output())); // an earlier try's is not this one's
                }
                GenericKubernetesResource r = JSON.treeToValue(handle.manifest(), GenericKubernetesResource.class);
                client.genericKubernetesResources(handle.kind().context())
                        .inNamespace(handle.namespace())
                        .resource(r)
                        .create();
                saveHandle(handle.asSubmitted());
                note("created " + handle.describe());
                return null;
            } catch (KubernetesClientException e) {
                int code = e.getCode();
                if (code == 409) {
                    continue; // created meanwhile (by this try before a restart): read it
                }
                if (code >= 400 && code < 500) {
                    String why = "the API server refused " + handle.describe() + " (" + code + "): " + e.getMessage();
                    note(why);
                    return code == 400 || code == 422 ? Outcome.fatal(why) : Outcome.failed(null, why);
                }
                note("cannot reach the API server for " + handle.describe() + " (will try again): " + e.getMessage());
                if (wake.tryAcquire(handle.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Outcome.fatal("manifest of " + handle.describe() + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                return Outcome.failed(null, "cannot remove the old output " + handle.output() + ": " + e.getMessage());
            }
        }
    }

    /**
     * The task's output: with an output file, the JSON the pod wrote there (none if it wrote nothing, as for a
     * process); without, the object ({@code {"kind", "namespace", "name"}}).
     */
    private Outcome succeeded() {
        if (handle.output() == null) {
            return Outcome.succeeded(null, handle.object().toString());
        }
        Path f = Path.of(handle.output());
        if (!Files.isRegularFile(f)) {
            return Outcome.succeeded(null, null);
        }
        try {
            return Outcome.succeeded(null, JSON.readTree(f.toFile()).toString());
        } catch (IOException e) {
            return Outcome.failed(null, "output " + f + " is not valid JSON: " + e.getMessage());
        }
    }

    /** Objects of this task instance's earlier tries: a retry or a re-run never runs beside one of them. */
    private void deleteEarlierTries() {
        Map<String, String> labels =
                handle.manifest().path("metadata").path("labels").isObject()
                        ? JSON.convertValue(handle.manifest().path("metadata").path("labels"), Map.class)
                        : Map.of();
        String me = labels.get(TryIdentity.TRY);
        try {
            for (GenericKubernetesResource old : client.genericKubernetesResources(
                            handle.kind().context())
                    .inNamespace(handle.namespace())
                    .withLabel(TryIdentity.TASK_INSTANCE, String.valueOf(taskInstanceId))
                    .withLabel(TryIdentity.DAG, labels.get(TryIdentity.DAG))
                    .withLabel(TryIdentity.RUN, labels.get(TryIdentity.RUN))
                    .list()
                    .getItems()) {
                if (!Objects.equals(old.getMetadata().getLabels().get(TryIdentity.TRY), me)) {
                    note("deleting " + handle.kind().kind() + " "
                            + old.getMetadata().getName() + " of an earlier try");
                    client.genericKubernetesResources(handle.kind().context())
                            .inNamespace(handle.namespace())
                            .withName(old.getMetadata().getName())
                            .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                            .delete();
                }
            }
        } catch (KubernetesClientException e) {
            note("cannot look for objects of earlier tries: " + e.getMessage());
        }
    }

    private Outcome cancelled(PodLogs logs) {
        closeQuietly(logs);
        note(cancel.reason() + ": deleting " + handle.describe());
        try {
            resource().withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            note("cannot delete " + handle.describe() + " (the next try deletes it): " + e.getMessage());
        }
        return Outcome.cancelled(cancel);
    }

    private Watch rewatch(Watch old) {
        if (old != null) {
            old.close();
        }
        try {
            Watch w = resource().watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, GenericKubernetesResource resource) {
                    wake.release();
                }

                @Override
                public void onClose(WatcherException cause) {
                    watchClosed = true;
                    wake.release();
                }
            });
            watchClosed = false;
            return w;
        } catch (KubernetesClientException e) {
            return null; // the poll interval still reads the object
        }
    }

    private List<Pod> pods(JsonNode o) {
        ObjectKind.LogPods which = handle.kind().logPods(handle.name(), o);
        if (which instanceof ObjectKind.LogPods.Labelled l) {
            return client.pods()
                    .inNamespace(handle.namespace())
                    .withLabels(l.labels())
                    .list()
                    .getItems();
        }
        Pod p = client.pods()
                .inNamespace(handle.namespace())
                .withName(((ObjectKind.LogPods.Named) which).name())
                .get();
        return p == null ? List.of() : List.of(p);
    }

    private SupervisedJob supervised() {
        return new SupervisedJob(
                taskInstanceId,
                handle.dagId(),
                taskId,
                KubernetesSupervision.TYPE,
                SupervisedJob.State.RUNNING,
                0,
                null,
                0,
                handle.maxRestarts(),
                handle.object().toString(),
                null,
                null,
                files.logFile().toString());
    }

    private Resource<GenericKubernetesResource> resource() {
        return client.genericKubernetesResources(handle.kind().context())
                .inNamespace(handle.namespace())
                .withName(handle.name());
    }

    private synchronized void saveHandle(TryHandle h) {
        handle = h;
        h.write(files);
    }

    /** From the log threads: the bytes of each pod's log now in the task log. */
    private synchronized void saveOffsets(Map<String, Long> offsets) {
        saveHandle(handle.withLogOffsets(offsets));
    }

    private void note(String line) {
        ProcessRunner.appendLog(files, "[engine] " + Instant.now() + " " + line + "\n");
    }

    private static void closeQuietly(PodLogs logs) {
        if (logs != null) {
            try {
                logs.close();
            } catch (UncheckedIOException e) {
                // the handle keeps the last offsets it could write
            }
        }
    }
}
