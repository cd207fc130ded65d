package io.dltrigger.engine.dagfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.launch.kubernetes.Manifest;
import io.dltrigger.engine.launch.kubernetes.ObjectKind;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task's variant per deployment profile, and the project's DAGs under the k8s profile (kubernetes tasks). */
class ProfileVariantsTest {
    private static final String DAG = """
            id: v
            tasks:
              - id: ingest
                type: flink
                module: streaming-ingest
                args: [ingest, --input, in]
                streaming: true
                running_after: 1m
                max_restarts: 7
                retries: 2
                profiles:
                  k8s:
                    type: kubernetes
                    manifest: conf/k8s/ingest.yaml
              - id: after
                type: noop
                depends_on: [ingest]
            """;

    @Test
    void underItsProfileAVariantReplacesTheTypeAndKeepsWhatBothTypesAndEveryTaskTake() {
        TaskSpec k8s = DagFileParser.parse("v.yaml", DAG, "k8s").task("ingest").orElseThrow();
        TaskAction.Kubernetes k = assertInstanceOf(TaskAction.Kubernetes.class, k8s.action());
        assertEquals("conf/k8s/ingest.yaml", k.manifest());
        assertEquals(List.of("ingest", "--input", "in"), k.args(), "args carry over");
        assertEquals(Duration.ofMinutes(1), k.runningAfter(), "so does running_after");
        assertEquals(7, k.maxRestarts());
        assertEquals(3, k8s.retry().maxTries(), "and the common keys");
        assertNull(k.output());

        for (String other : new String[] {"local", null}) {
            TaskSpec plain =
                    DagFileParser.parse("v.yaml", DAG, other).task("ingest").orElseThrow();
            TaskAction.Flink f = assertInstanceOf(TaskAction.Flink.class, plain.action());
            assertEquals("streaming-ingest", f.module());
        }
    }

    @Test
    void everyVariantIsCheckedWhicheverProfileIsSelected() {
        DagFileException typo = assertThrows(
                DagFileException.class,
                () -> DagFileParser.parse("v.yaml", DAG.replace("manifest: conf", "manifets: conf"), "local"));
        assertEquals(14, typo.line());
        assertTrue(typo.reason().contains("unknown key 'manifets'"), typo.getMessage());
        DagFileException deps = assertThrows(
                DagFileException.class,
                () -> DagFileParser.parse(
                        "v.yaml", DAG.replace("manifest: conf/k8s/ingest.yaml", "depends_on: [x]"), "k8s"));
        assertTrue(deps.reason().contains("cannot change 'depends_on'"), deps.getMessage());
        DagFileException missing = assertThrows(
                DagFileException.class,
                () -> DagFileParser.parse(
                        "v.yaml", DAG.replace("manifest: conf/k8s/ingest.yaml", "output: x.json"), null));
        assertTrue(missing.reason().contains("manifest"), missing.getMessage());
    }

    /**
     * Under the k8s profile the stages of the project's DAGs are kubernetes tasks whose manifests (conf/k8s/) render
     * with the profile's values into the kinds of k8s/base, with the task's arguments; the steps between them stay
     * processes in the engine's pod. Under the other profiles nothing is a kubernetes task.
     */
    @Test
    void theProjectsStagesAreKubernetesObjectsUnderTheK8sProfile(@TempDir Path dir) throws Exception {
        Path home = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
        Map<String, ObjectKind> expected = Map.of(
                "ingest.ingest", ObjectKind.FLINK_DEPLOYMENT,
                "ingest-backfill.ingest", ObjectKind.FLINK_DEPLOYMENT,
                "retrain.features", ObjectKind.SPARK_APPLICATION,
                "retrain.tune", ObjectKind.SPARK_APPLICATION,
                "retrain.train_hlf", ObjectKind.SPARK_APPLICATION,
                "retrain.train_sequence", ObjectKind.SPARK_APPLICATION,
                "retrain.train_inclusive", ObjectKind.SPARK_APPLICATION);
        for (String name : List.of("local", "cluster", "k8s")) {
            Profile profile = Profile.load(home, name, false, k -> null);
            try (var store = JdbcStore.open(JdbcStore.h2FileUrl(dir.resolve(name)), "sa", "")) {
                DagRegistry registry = new DagRegistry(
                        home.resolve("conf/dags"), store.dags(), profile.pools().keySet(), profile);
                registry.refresh();
                assertTrue(registry.errors().isEmpty(), () -> name + ": refused " + registry.errors());
                int kubernetes = 0;
                for (Dag dag : registry.all()) {
                    for (TaskSpec t : dag.tasks()) {
                        if (!(t.action() instanceof TaskAction.Kubernetes k)) {
                            continue;
                        }
                        kubernetes++;
                        ObjectKind kind = expected.get(dag.id() + "." + t.id());
                        assertEquals(name, "k8s", t.id() + " is a kubernetes task only under k8s");
                        ObjectNode vars = new ObjectMapper().createObjectNode();
                        vars.set("profile", profile.asJson());
                        ObjectNode m = Manifest.render(home.resolve(k.manifest()), vars);
                        assertEquals(
                                kind,
                                ObjectKind.of(
                                                m.path("apiVersion").asText(),
                                                m.path("kind").asText())
                                        .orElseThrow());
                        assertTrue(m.toString().contains("\"dltrigger:0.1.0-SNAPSHOT\""), "the profile's image");
                        assertTrue(!k.args().isEmpty(), t.id() + " gives the program's arguments");
                        kind.setArgs(m, k.args()); // the manifest has the place for them
                    }
                }
                assertEquals(name.equals("k8s") ? expected.size() : 0, kubernetes, name);
            }
        }
    }
}
