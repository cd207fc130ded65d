package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.launch.kubernetes.ObjectKind;
import io.dltrigger.engine.launch.kubernetes.TryIdentity;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubernetes task type in a real engine against fabric8's mock API server in CRUD mode: objects are really
 * created, read, watched, patched and deleted over HTTPS. What the mock does not do is what a cluster's
 * controllers do: the test plays the Job controller and the operators (it creates the pods and writes the status),
 * and it stubs the pods' log endpoints with expectations (CRUD mode has no logs). The engine finds its client the
 * way it does outside a cluster, from the {@code kubernetes.*} system properties.
 */
class KubernetesTaskTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "test";
    private static final List<String> PROPERTIES = List.of(
            "kubernetes.master",
            "kubernetes.trust.certificates",
            "kubernetes.tls.versions",
            "kubernetes.http2.disable",
            "kubernetes.namespace",
            "kubernetes.auth.token",
            "kubernetes.auth.tryKubeConfig",
            "kubernetes.auth.tryServiceAccount");

    @TempDir
    Path dir;

    KubernetesMockServer server;
    KubernetesClient k8s;
    final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    final List<RecordedRequest> requests = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new KubernetesMockServer(
                new Context(Serialization.jsonMapper()),
                new MockWebServer(),
                expectations,
                new KubernetesMixedDispatcher(expectations),
                true);
        server.init();
        k8s = server.createClient();
        Map<String, String> props = Map.of(
                "kubernetes.master", server.url("/"),
                "kubernetes.trust.certificates", "true",
                "kubernetes.tls.versions", "TLSv1.2",
                "kubernetes.http2.disable", "true",
                "kubernetes.namespace", NS,
                "kubernetes.auth.token", "secret",
                "kubernetes.auth.tryKubeConfig", "false",
                "kubernetes.auth.tryServiceAccount", "false");
        props.forEach(System::setProperty);
        Files.createDirectories(dir.resolve("k8s"));
    }

    @AfterEach
    void stopServer() {
        PROPERTIES.forEach(System::clearProperty);
        k8s.close();
        server.destroy();
    }

    @Test
    void aJobIsSubmittedUnderItsTryNameItsPodLogIsStreamedAndItsCompleteConditionIsSuccess() throws Exception {
        manifest("job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  labels: {team: physics}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: main
                          image: "{{ params.image_tag }}"
                          args: [features, --samples, "{{ params.samples }}", --date, "{{ ds }}"]
                """);
        // a parameter may be an argument, not an image: refused when the try starts, with the manifest's line
        Dag bad = DagBuilder.dag("bad")
                .param(io.dltrigger.engine.model.ParamSpec.inferred(
                        "image_tag", JSON.getNodeFactory().textNode("x")))
                .param(io.dltrigger.engine.model.ParamSpec.inferred(
                        "samples", JSON.getNodeFactory().numberNode(5)))
                .task("job", kubernetes("k8s/job.yaml"))
                .build();
        manifest(
                "job-ok.yaml",
                Files.readString(dir.resolve("k8s/job.yaml")).replace("{{ params.image_tag }}", "dltrigger:1"));
        Dag dag = DagBuilder.dag("k8s")
                .param(io.dltrigger.engine.model.ParamSpec.inferred(
                        "samples", JSON.getNodeFactory().numberNode(5)))
                .task("job", kubernetes("k8s/job-ok.yaml"))
                .build();
        try (EngineFixture f = fixture().register(bad).register(dag).start()) {
            DagRun refused = f.runToEnd("bad", Map.of());
            TaskInstance b = f.task(refused.id(), "job");
            assertEquals(TaskState.FAILED, b.state());
            assertTrue(b.message().contains("job.yaml:11") && b.message().contains("params.image_tag"), b.message());
            assertTrue(jobs().isEmpty(), "nothing submitted");

            DagRun run = f.service().trigger("k8s", Map.of("samples", "7"));
            GenericKubernetesResource job = awaitObject(ObjectKind.JOB, "the Job");
            String name = job.getMetadata().getName();
            TaskInstance ti = f.task(run.id(), "job");
            assertEquals(new TryIdentity("k8s", run.runKey(), "job", -1, 1, ti.id()).name(), name);
            assertTrue(name.length() <= 45 && name.matches("[a-z]([-a-z0-9]*[a-z0-9])?"), name);
            Map<String, String> labels = job.getMetadata().getLabels();
            assertEquals("k8s", labels.get("dltrigger.io/dag"));
            assertEquals("job", labels.get("dltrigger.io/task"));
            assertEquals("1", labels.get("dltrigger.io/try"));
            assertEquals(TryIdentity.labelValue(run.runKey()), labels.get("dltrigger.io/run"));
            assertEquals("physics", labels.get("team"), "the manifest's own labels are kept");
            assertEquals(NS, job.getMetadata().getNamespace());
            JsonNode container = JSON.valueToTree(job).at("/spec/template/spec/containers/0");
            assertEquals(
                    "[\"features\",\"--samples\",\"7\",\"--date\",\""
                            + run.logicalDate().toString().substring(0, 10) + "\"]",
                    container.path("args").toString());

            stubLog(name + "-x7k2p", "main", "reading events\nwrote 7 rows\n");
            pod(name + "-x7k2p", Map.of("job-name", name), "Running");
            setStatus(
                    ObjectKind.JOB, name, Map.of("conditions", List.of(Map.of("type", "Complete", "status", "True"))));

            DagRun done = f.service().awaitRun(run.id(), Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, done.state());
            TaskInstance t = f.task(run.id(), "job");
            assertEquals(name, JSON.readTree(t.output()).path("name").asText());
            String log = f.service().log(t.id(), 1);
            assertTrue(log.contains("created Job " + NS + "/" + name), log);
            assertTrue(log.contains("reading events\nwrote 7 rows\n"), log);
            assertEquals(1, creates("jobs"), "one submission");
        }
    }

    @Test
    void theTasksArgsBecomeTheApplicationsArgumentsAndWhatTheDriverWritesToItsOutputIsTheTasks() throws Exception {
        manifest("spark.yaml", sparkApplication());
        Path shared = Files.createDirectories(dir.resolve("data"));
        Dag dag = DagBuilder.dag("out")
                .task(
                        "train",
                        new TaskAction.Kubernetes(
                                "k8s/spark.yaml",
                                List.of("train", "--run", "{{ run_id }}"),
                                shared + "/{{ task_id }}.json",
                                null,
                                Duration.ofMillis(200),
                                Duration.ofSeconds(30),
                                10))
                .build();
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun run = f.service().trigger("out", Map.of());
            GenericKubernetesResource app = awaitObject(ObjectKind.SPARK_APPLICATION, "the SparkApplication");
            JsonNode spec = JSON.valueToTree(app).path("spec");
            assertEquals(
                    "[\"train\",\"--run\",\"" + run.runKey() + "\"]",
                    spec.path("arguments").toString());
            assertEquals(
                    "[{\"name\":\"DLTRIGGER_OUTPUT\",\"value\":\"" + shared.resolve("train.json") + "\"}]",
                    spec.at("/driver/env").toString());
            Files.writeString(shared.resolve("train.json"), "{\"model_dir\": \"/data/models/7\"}"); // the driver
            setStatus(
                    ObjectKind.SPARK_APPLICATION,
                    app.getMetadata().getName(),
                    Map.of("applicationState", Map.of("state", "COMPLETED")));
            assertEquals(
                    RunState.SUCCESS,
                    f.service().awaitRun(run.id(), Duration.ofSeconds(60)).state());
            assertEquals(
                    "{\"model_dir\":\"/data/models/7\"}",
                    f.task(run.id(), "train").output());
        }
    }

    @Test
    void aFailedSparkApplicationFailsItsTaskWithTheOperatorsMessage() throws Exception {
        manifest("spark.yaml", sparkApplication());
        Dag dag = DagBuilder.dag("spark")
                .task("features", kubernetes("k8s/spark.yaml"))
                .build();
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun run = f.service().trigger("spark", Map.of());
            String name = awaitObject(ObjectKind.SPARK_APPLICATION, "the SparkApplication")
                    .getMetadata()
                    .getName();
            stubLog(name + "-driver", "spark-kubernetes-driver", "Exception in thread main: no events\n");
            pod(name + "-driver", Map.of("spark-role", "driver"), "Failed");
            setStatus(
                    ObjectKind.SPARK_APPLICATION,
                    name,
                    Map.of("applicationState", Map.of("state", "FAILED", "errorMessage", "driver exited with 1")));
            DagRun done = f.service().awaitRun(run.id(), Duration.ofSeconds(60));
            assertEquals(RunState.FAILED, done.state());
            TaskInstance t = f.task(run.id(), "features");
            assertTrue(t.message().contains("SparkApplication failed: FAILED: driver exited with 1"), t.message());
            assertTrue(f.service().log(t.id(), 1).contains("Exception in thread main: no events"));
        }
    }

    @Test
    void aTimedOutTryDeletesItsObject() throws Exception {
        manifest("spark.yaml", sparkApplication());
        Dag dag = DagBuilder.dag("slow")
                .task("features", kubernetes("k8s/spark.yaml"), t -> t.timeout(Duration.ofSeconds(2)))
                .build();
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun run = f.service().trigger("slow", Map.of());
            String name = awaitObject(ObjectKind.SPARK_APPLICATION, "the SparkApplication")
                    .getMetadata()
                    .getName();
            setStatus(ObjectKind.SPARK_APPLICATION, name, Map.of("applicationState", Map.of("state", "RUNNING")));
            DagRun done = f.service().awaitRun(run.id(), Duration.ofSeconds(60));
            assertEquals(RunState.FAILED, done.state());
            assertTrue(f.task(run.id(), "features").message().contains("timed out"));
            assertNull(resource(ObjectKind.SPARK_APPLICATION, name).get(), "deleted on timeout");
            drainRequests();
            assertTrue(
                    requests.stream()
                            .anyMatch(r -> r.getMethod().equals("DELETE")
                                    && r.getPath().endsWith("/sparkapplications/" + name)
                                    && r.getBody().readUtf8().contains("\"propagationPolicy\":\"Background\"")),
                    "deleted with background propagation");
        }
    }

    @Test
    void aRestartedEngineReattachesToTheRunningObjectInsteadOfSubmittingItAgain() throws Exception {
        manifest("spark.yaml", sparkApplication());
        Dag dag = DagBuilder.dag("re")
                .task("features", kubernetes("k8s/spark.yaml"))
                .build();
        long runId;
        String name;
        try (EngineFixture f = fixture().register(dag).start()) {
            runId = f.service().trigger("re", Map.of()).id();
            name = awaitObject(ObjectKind.SPARK_APPLICATION, "the SparkApplication")
                    .getMetadata()
                    .getName();
            stubLog(name + "-driver", "spark-kubernetes-driver", "stage 1 of 2\n");
            pod(name + "-driver", Map.of("spark-role", "driver"), "Running");
            setStatus(ObjectKind.SPARK_APPLICATION, name, Map.of("applicationState", Map.of("state", "RUNNING")));
            EngineFixture.await(
                    "the driver's log",
                    Duration.ofSeconds(30),
                    () -> f.service().log(f.task(runId, "features").id(), 1).contains("stage 1 of 2"));
        } // the engine stops (as in a crash, its work keeps running)
        assertNotNull(resource(ObjectKind.SPARK_APPLICATION, name).get(), "left running by the stopped engine");
        stubLog(name + "-driver", "spark-kubernetes-driver", "stage 1 of 2\nstage 2 of 2\n");
        setStatus(ObjectKind.SPARK_APPLICATION, name, Map.of("applicationState", Map.of("state", "COMPLETED")));
        pod(name + "-driver", Map.of("spark-role", "driver"), "Succeeded");
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun done = f.service().awaitRun(runId, Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, done.state());
            TaskInstance t = f.task(runId, "features");
            assertEquals(1, t.tryNumber(), "the same try, re-attached");
            assertEquals(1, creates("sparkapplications"), "submitted once, by the first engine");
            String log = f.service().log(t.id(), 1);
            assertTrue(log.contains("re-attached to SparkApplication " + NS + "/" + name), log);
            assertEquals(1, count(log, "stage 1 of 2"), "the log is not repeated: " + log);
            assertEquals(1, count(log, "stage 2 of 2"), log);
        }
    }

    @Test
    void aRunningFlinkDeploymentIsSupervisedAndRedeployedWhenItsJobFails() throws Exception {
        manifest("ingest.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                spec:
                  image: flink:2.3.0-java17
                  flinkVersion: v2_3
                  serviceAccount: dltrigger-flink
                  jobManager: {resource: {cpu: 1, memory: 2048m}}
                  taskManager: {resource: {cpu: 1, memory: 2048m}}
                  job:
                    jarURI: local:///opt/flink/usrlib/streaming-ingest.jar
                    args: [ingest, --date, "{{ ds }}"]
                    upgradeMode: savepoint
                """);
        Dag dag = DagBuilder.dag("ingest")
                .task(
                        "ingest",
                        new TaskAction.Kubernetes(
                                "k8s/ingest.yaml",
                                List.of(),
                                null,
                                null,
                                Duration.ofMillis(200),
                                Duration.ofSeconds(1),
                                3),
                        t -> t.outlets(List.of("event-table")))
                .build();
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun run = f.service().trigger("ingest", Map.of());
            String name = awaitObject(ObjectKind.FLINK_DEPLOYMENT, "the FlinkDeployment")
                    .getMetadata()
                    .getName();
            setStatus(
                    ObjectKind.FLINK_DEPLOYMENT,
                    name,
                    Map.of("lifecycleState", "STABLE", "jobStatus", Map.of("state", "RUNNING")));
            DagRun done = f.service().awaitRun(run.id(), Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, done.state(), "running for running_after is success");
            TaskInstance t = f.task(run.id(), "ingest");
            assertTrue(JSON.readTree(t.output()).path("supervised").asBoolean(), t.output());
            assertEquals(name, JSON.readTree(t.output()).at("/object/name").asText());
            EngineFixture.await(
                    "the job to be supervised",
                    Duration.ofSeconds(10),
                    () -> supervised(f).stream().anyMatch(j -> j.taskType().equals("kubernetes")));

            setStatus(
                    ObjectKind.FLINK_DEPLOYMENT,
                    name,
                    Map.of(
                            "lifecycleState",
                            "STABLE",
                            "jobStatus",
                            Map.of(
                                    "state",
                                    "RUNNING",
                                    "checkpointInfo",
                                    Map.of("lastCheckpoint", Map.of("timeStamp", 1767225600000L)))));
            EngineFixture.await(
                    "the checkpoint as a commit of the task's asset",
                    Duration.ofSeconds(30),
                    () -> f.service().asset("event-table", 10).events().stream()
                            .anyMatch(e ->
                                    e.kind().equals("commit") && e.metadata().contains("checkpoint at 1767225600000")));

            setStatus(
                    ObjectKind.FLINK_DEPLOYMENT,
                    name,
                    Map.of("lifecycleState", "STABLE", "jobStatus", Map.of("state", "FAILED"), "error", "OOM"));
            EngineFixture.await(
                    "a redeploy (a new restartNonce)",
                    Duration.ofSeconds(30),
                    () -> JSON.valueToTree(
                                    resource(ObjectKind.FLINK_DEPLOYMENT, name).get())
                            .at("/spec/restartNonce")
                            .isNumber());
            EngineFixture.await(
                    "the restart recorded",
                    Duration.ofSeconds(10),
                    () -> supervised(f).stream().anyMatch(j -> j.restarts() == 1));
            assertEquals(1, creates("flinkdeployments"), "redeployed in place, not created again");

            resource(ObjectKind.FLINK_DEPLOYMENT, name).delete(); // stopping a supervised job by hand
            EngineFixture.await(
                    "supervision to end",
                    Duration.ofSeconds(30),
                    () -> supervised(f).isEmpty());
        }
    }

    @Test
    void aClearedTaskDeletesTheObjectOfItsEarlierTryWhenItRunsAgain() throws Exception {
        manifest("spark.yaml", sparkApplication());
        Dag dag = DagBuilder.dag("again")
                .task("features", kubernetes("k8s/spark.yaml"))
                .build();
        try (EngineFixture f = fixture().register(dag).start()) {
            DagRun run = f.service().trigger("again", Map.of());
            String first = awaitObject(ObjectKind.SPARK_APPLICATION, "the first SparkApplication")
                    .getMetadata()
                    .getName();
            setStatus(ObjectKind.SPARK_APPLICATION, first, Map.of("applicationState", Map.of("state", "COMPLETED")));
            assertEquals(
                    RunState.SUCCESS,
                    f.service().awaitRun(run.id(), Duration.ofSeconds(60)).state());
            assertNotNull(resource(ObjectKind.SPARK_APPLICATION, first).get(), "kept after success, for inspection");

            f.service().clear(f.task(run.id(), "features").id());
            EngineFixture.await(
                    "the second try's SparkApplication",
                    Duration.ofSeconds(30),
                    () -> list(ObjectKind.SPARK_APPLICATION).stream()
                            .anyMatch(r -> !r.getMetadata().getName().equals(first)));
            EngineFixture.await(
                    "the first try's object to be deleted",
                    Duration.ofSeconds(30),
                    () -> resource(ObjectKind.SPARK_APPLICATION, first).get() == null);
            String second =
                    list(ObjectKind.SPARK_APPLICATION).get(0).getMetadata().getName();
            assertEquals(
                    "2",
                    list(ObjectKind.SPARK_APPLICATION)
                            .get(0)
                            .getMetadata()
                            .getLabels()
                            .get("dltrigger.io/try"));
            assertFalse(first.equals(second));
        }
    }

    // ---- helpers: the engine, the manifests, and what the cluster's controllers would do ----

    private EngineFixture fixture() {
        return new EngineFixture(dir, 4, Map.of());
    }

    private static TaskAction.Kubernetes kubernetes(String manifest) {
        return new TaskAction.Kubernetes(
                manifest, List.of(), null, null, Duration.ofMillis(200), Duration.ofSeconds(30), 10);
    }

    private void manifest(String file, String text) throws Exception {
        Files.writeString(dir.resolve("k8s").resolve(file), text);
    }

    private static String sparkApplication() {
        return """
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                spec:
                  type: Java
                  mode: cluster
                  sparkVersion: 3.5.9
                  image: dltrigger:1
                  mainClass: io.dltrigger.features.cli.FeaturesCli
                  mainApplicationFile: local:///opt/dltrigger/batch-features/target/batch-features.jar
                  arguments: [features, --date, "{{ ds }}"]
                  driver: {cores: 1, memory: 2g, serviceAccount: dltrigger-spark}
                  executor: {instances: 1, cores: 1, memory: 2g}
                """;
    }

    private Resource<GenericKubernetesResource> resource(ObjectKind kind, String name) {
        return k8s.genericKubernetesResources(kind.context()).inNamespace(NS).withName(name);
    }

    private List<GenericKubernetesResource> list(ObjectKind kind) {
        return k8s.genericKubernetesResources(kind.context())
                .inNamespace(NS)
                .list()
                .getItems();
    }

    private List<GenericKubernetesResource> jobs() {
        return list(ObjectKind.JOB);
    }

    private GenericKubernetesResource awaitObject(ObjectKind kind, String what) throws InterruptedException {
        EngineFixture.await(what, Duration.ofSeconds(30), () -> !list(kind).isEmpty());
        return list(kind).get(0);
    }

    /** What the Job controller or the operator would write. */
    private void setStatus(ObjectKind kind, String name, Map<String, Object> status) {
        resource(kind, name).edit(r -> {
            r.setAdditionalProperty("status", status);
            return r;
        });
    }

    /** A pod as the Job controller or the Spark driver would make it, in {@code phase}. */
    private void pod(String name, Map<String, String> labels, String phase) {
        String container = name.endsWith("-driver") ? "spark-kubernetes-driver" : "main";
        Pod p = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(container)
                .withImage("dltrigger:1")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();
        k8s.pods().inNamespace(NS).resource(p).createOr(op -> op.update());
    }

    /**
     * The log endpoint of a pod's container, which CRUD mode does not serve: the engine follows it. The mock ends
     * each stream after {@code text} (the log so far), as a dropped connection would.
     */
    private void stubLog(String pod, String container, String text) {
        String path = "/api/v1/namespaces/" + NS + "/pods/" + pod + "/log?pretty=false&container=" + container
                + "&follow=true";
        expectations.remove(new SimpleRequest(HttpMethod.GET, path)); // the log has grown
        server.expect().get().withPath(path).andReturn(200, text).always();
    }

    /** The POSTs (creates) to a resource collection that the server has seen so far. */
    private long creates(String plural) throws InterruptedException {
        drainRequests();
        return requests.stream()
                .filter(r -> r.getMethod().equals("POST") && r.getPath().endsWith("/" + plural))
                .count();
    }

    private void drainRequests() throws InterruptedException {
        RecordedRequest r;
        while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            requests.add(r);
        }
    }

    private List<SupervisedJob> supervised(EngineFixture f) {
        return f.rt.store().supervisedJobs().inState(SupervisedJob.State.RUNNING);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
