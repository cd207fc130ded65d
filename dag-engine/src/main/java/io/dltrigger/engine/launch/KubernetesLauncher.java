package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.launch.kubernetes.KubernetesSupervision;
import io.dltrigger.engine.launch.kubernetes.KubernetesTry;
import io.dltrigger.engine.launch.kubernetes.Manifest;
import io.dltrigger.engine.launch.kubernetes.ObjectKind;
import io.dltrigger.engine.launch.kubernetes.TryHandle;
import io.dltrigger.engine.launch.kubernetes.TryIdentity;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.template.Template;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code kubernetes}: creates a Job, a {@code SparkApplication} or a {@code FlinkDeployment} from the task's
 * manifest with the fabric8 client, named and labelled for its try, and follows it to success or failure (see
 * {@link KubernetesTry}); a FlinkDeployment is a streaming job, supervised once it has run for {@code running_after}
 * (see {@link KubernetesSupervision}). The try's handle file is what a process try's pid file is: an engine that
 * restarts re-attaches to the object it names. The client is configured as fabric8 does it (in a pod: its service
 * account and namespace; elsewhere: {@code ~/.kube/config}, {@code KUBERNETES_MASTER}, the {@code kubernetes.*}
 * system properties) and made on first use, so an engine without kubernetes tasks never connects.
 */
public final class KubernetesLauncher implements Launcher<TaskAction.Kubernetes>, RestartStrategy {
    private final Supplier<KubernetesClient> client;
    private final KubernetesSupervision supervision;

    public KubernetesLauncher() {
        this(new Supplier<>() {
            private KubernetesClient made;

            @Override
            public synchronized KubernetesClient get() {
                if (made == null) {
                    made = new KubernetesClientBuilder().build();
                }
                return made;
            }
        });
    }

    KubernetesLauncher(Supplier<KubernetesClient> client) {
        this.client = client;
        this.supervision = new KubernetesSupervision(client);
    }

    @Override
    public Class<TaskAction.Kubernetes> type() {
        return TaskAction.Kubernetes.class;
    }

    /** Renders the manifest (a refusal fails the try for good) and names the object; the worker submits it. */
    @Override
    public Work prepare(TaskAction.Kubernetes k, TryStart start) {
        ObjectNode manifest =
                Manifest.render(start.home().resolve(Template.render(k.manifest(), start.vars())), start.vars());
        ObjectKind kind = ObjectKind.of(
                        manifest.path("apiVersion").asText(),
                        manifest.path("kind").asText())
                .orElseThrow(() -> new IllegalArgumentException("manifest " + k.manifest() + ": kind "
                        + manifest.path("apiVersion").asText() + " "
                        + manifest.path("kind").asText()
                        + " is not one the kubernetes task type creates (" + ObjectKind.supported() + ")"));
        if (!k.args().isEmpty()) {
            kind.setArgs(
                    manifest,
                    k.args().stream().map(a -> Template.render(a, start.vars())).toList());
        }
        Path output = k.output() == null ? null : start.home().resolve(Template.render(k.output(), start.vars()));
        if (output != null) {
            kind.addEnv(manifest, "DLTRIGGER_OUTPUT", output.toString());
        }
        TaskInstance ti = start.instance();
        TryIdentity id = new TryIdentity(
                start.run().dagId(), start.run().runKey(), ti.taskId(), ti.mapIndex(), ti.tryNumber(), ti.id());
        String namespace = k.namespace() != null
                ? Template.render(k.namespace(), start.vars())
                : manifest.path("metadata").path("namespace").asText("");
        ObjectNode meta = manifest.withObject("/metadata");
        meta.remove("generateName");
        meta.put("name", id.name());
        if (!namespace.isEmpty()) {
            meta.put("namespace", namespace);
        }
        ObjectNode labels = meta.withObject("/labels");
        id.labels().forEach(labels::put);
        TryHandle handle = new TryHandle(
                start.run().dagId(),
                kind,
                namespace,
                id.name(),
                manifest,
                false,
                k.pollInterval(),
                k.runningAfter(),
                k.maxRestarts(),
                output == null ? null : output.toString(),
                Map.of());
        return new Work.Blocking(() -> {
            TryHandle h = handle.namespace().isEmpty() ? inDefaultNamespace(handle) : handle;
            h.write(start.files()); // before the create: a restarted engine then knows what to look for
            return follow(
                    new KubernetesTry(client.get(), h, start.files(), ti.id(), ti.taskId(), start.cancel()),
                    false,
                    start.cancel());
        });
    }

    /** A try left running: re-attach to its object if it wrote a handle, else it never submitted one. */
    @Override
    public Recovered recover(TaskInstance ti, TryFiles files, Cancellation cancel) {
        Optional<TryHandle> h = TryHandle.read(files);
        if (h.isEmpty()) {
            return new Recovered.Requeue();
        }
        return new Recovered.Reattached(
                null,
                null,
                () -> follow(
                        new KubernetesTry(client.get(), h.get(), files, ti.id(), ti.taskId(), cancel), true, cancel));
    }

    /** Runs the try on this worker thread, which its cancellation interrupts. */
    private static Outcome follow(KubernetesTry t, boolean reattached, Cancellation cancel) {
        cancel.bind(Thread.currentThread());
        try {
            return t.run(reattached);
        } finally {
            cancel.unbind();
        }
    }

    private TryHandle inDefaultNamespace(TryHandle h) {
        String ns = client.get().getNamespace();
        ObjectNode manifest = h.manifest().deepCopy();
        manifest.withObject("/metadata").put("namespace", ns == null ? "default" : ns);
        return new TryHandle(
                h.dagId(),
                h.kind(),
                ns == null ? "default" : ns,
                h.name(),
                manifest,
                false,
                h.pollInterval(),
                h.runningAfter(),
                h.maxRestarts(),
                h.output(),
                Map.of());
    }

    // ---- supervision of FlinkDeployments ----

    @Override
    public String taskType() {
        return KubernetesSupervision.TYPE;
    }

    @Override
    public boolean alive(SupervisedJob job) {
        return supervision.alive(job);
    }

    @Override
    public void stop(SupervisedJob job, Duration killGrace) {
        supervision.stop(job);
    }

    @Override
    public Optional<Restarted> restartInPlace(SupervisedJob job) {
        KubernetesSupervision.Restarted r = supervision.restart(job);
        return Optional.of(new Restarted(r.job(), r.note()));
    }

    @Override
    public Optional<String> latestCommit(SupervisedJob job) {
        return supervision.latestCommit(job);
    }

    /** Never called: {@link #restartInPlace} always restarts the object where it is. */
    @Override
    public Restart restart(SupervisedJob job) {
        throw new UnsupportedOperationException("a Kubernetes object is restarted in place");
    }
}
