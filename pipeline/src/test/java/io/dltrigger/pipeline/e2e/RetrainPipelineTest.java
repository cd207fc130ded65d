package io.dltrigger.pipeline.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.pipeline.table.EventTableStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's DAGs on the engine, end to end and with nothing stubbed: the engine is {@code bin/dltrigger engine
 * server} in a process of its own, and every task a real stage in a child JVM (Flink ingest, Spark features and
 * tuning, DL4J training, evaluation, publishing, the report). Small data and short trainings (13,600 generated
 * events of which about 3,400 pass the selection, a two-point grid, HLF at two epochs, the recurrent models at ten
 * on the lepton's 29 nearest particles) keep it to minutes; at a quarter of that data the SEQUENCE model stayed at
 * chance. One engine state and event table serve the tests in order:
 * the first run's published models are the "current models" that the failing run must leave alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainPipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN = Duration.ofMinutes(25);

    @TempDir // static: JUnit injects an instance's @TempDir only before each test, after @BeforeAll
    static Path work;

    private Path home;
    private Path state;
    private EngineProcess engine;
    private Path trainingConfig;
    private Path featuresConfig;

    @BeforeAll
    void generateIngestAndStartTheEngine() throws Exception {
        home = Path.of(System.getProperty("user.dir"))
                .resolve("..")
                .toAbsolutePath()
                .normalize();
        state = work.resolve("engine");
        Path incoming = work.resolve("incoming");
        for (String[] c :
                List.of(new String[] {"qcd", "10000", "1"}, new String[] {"ttbar", "2000", "2"}, new String[] {
                    "wjets", "1600", "3"
                })) {
            run(
                    "generate",
                    "--class",
                    c[0],
                    "--events",
                    c[1],
                    "--events-per-file",
                    "5000",
                    "--seed",
                    c[2],
                    "--out",
                    incoming.toString());
        }
        // the reference's particle order and the lepton's 29 nearest particles: short sequences, learnt in seconds
        featuresConfig = work.resolve("features-test.yaml");
        Files.writeString(
                featuresConfig, "particle_order: DELTA_R_DESCENDING_CLOSEST_LAST\ncuts: {max_particles: 30}\n");
        trainingConfig = work.resolve("training-test.yaml");
        Files.writeString(
                trainingConfig,
                String.join(
                        "\n",
                        "# every key the training configuration requires (conf/training-demo.yaml), with a tiny grid",
                        "features: work/features", // the DAG's tasks pass --features, --registry, --checkpoints
                        "registry: work/models",
                        "gpu: \"OFF\"", // quoted: YAML reads a bare OFF as false
                        "spark: {master: \"local[2]\", conf: {}}",
                        "tune:",
                        "  model: HLF",
                        "  sample_fraction: 1.0",
                        "  folds: 1",
                        "  output: " + work.resolve("tune"),
                        "  grid: {batch_size: [64], epochs: [1], hidden1: [20, 40], hidden2: [10], hidden3: [10],"
                                + " learning_rate: [0.005]}",
                        "train:",
                        "  model: HLF",
                        "  best_config: none",
                        "  epochs: 2",
                        "  patience: 1",
                        "  batch_size: 64",
                        "  learning_rate: 0.005",
                        "  rnn_units: 8",
                        "  dropout: 0.2",
                        "  seed: 42",
                        "  validation_parts: 10",
                        "  distributed: false",
                        "  averaging_frequency: 5",
                        "  pool_events: 2000",
                        "  checkpoints: " + work.resolve("checkpoints"),
                        ""));
        engine = EngineProcess.start(home, state, work);
        long ingest = engine.trigger("ingest-backfill", Map.of("input", incoming.toString()))
                .path("id")
                .asLong();
        assertEquals("success", engine.awaitEnd(ingest, RUN), "ingest-backfill");
        assertEquals(13600, EventTableStats.of(work.resolve("events")).total(), "every generated event, once");
    }

    @AfterAll
    void stopTheEngine() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("training_config", trainingConfig.toString());
        p.put("features_config", featuresConfig.toString());
        p.put("max_epochs", 2);
        p.put("patience", 1);
        // the recurrent models learn something in a few epochs at a higher rate on the whole training side
        p.put("recurrent_events", 0);
        p.put("recurrent_max_epochs", 10);
        p.put("recurrent_patience", 6);
        p.put("recurrent_learning_rate", 0.01);
        p.put("grid_group", 2);
        return p;
    }

    /**
     * Kill -9 the engine while the retrain run tunes or trains, start it again: the run completes, and no task that
     * had succeeded runs again (tries counted in the state database).
     */
    @Test
    @Order(1)
    void aRetrainSurvivesTheEngineBeingKilledMidRun() throws Exception {
        long run = engine.trigger("retrain", params()).path("id").asLong();
        Map<Long, Integer> doneBefore = new HashMap<>();
        long deadline = System.nanoTime() + RUN.toNanos();
        while (doneBefore.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the run never reached tune or train");
            JsonNode tasks = engine.get("/api/runs/" + run + "/tasks");
            boolean midway = false;
            for (JsonNode t : tasks) {
                String id = t.path("task_id").asText();
                midway |= t.path("state").asText().equals("running") && (id.equals("tune") || id.startsWith("train_"));
            }
            if (midway) {
                for (JsonNode t : tasks) {
                    if (t.path("state").asText().equals("success")) {
                        doneBefore.put(
                                t.path("id").asLong(), t.path("try_number").asInt());
                    }
                }
                engine.kill9();
            } else {
                Thread.sleep(300);
            }
        }
        assertTrue(doneBefore.size() >= 3, "snapshot, features and grid had succeeded: " + doneBefore);
        engine = EngineProcess.start(home, state, work);
        assertEquals("success", engine.awaitEnd(run, RUN), "the run completed after the restart");
        String runKey = engine.get("/api/runs/" + run).path("run_id").asText();
        engine.close(); // the state database is an H2 file: read it once the engine let go of it
        engine = null;
        try {
            assertTheKilledRunRanNoSucceededTaskAgain(run, doneBefore);
        } finally {
            engine = EngineProcess.start(home, state, work); // the tests after this one use it
        }
        JsonNode report = JSON.readTree(
                work.resolve("runs").resolve(runKey).resolve("report.json").toFile());
        assertEquals("success", report.at("/dag_run/state").asText());
        assertEquals(13600, report.at("/events/total").asLong());
        for (JsonNode m : report.path("models")) {
            assertTrue(m.path("published").asBoolean(), m.path("kind") + ": the first model of its kind is published");
            assertTrue(m.at("/auc/ttbar").asDouble() > 0.5, m.toString());
        }
        assertEquals(3, ModelRegistryContract.currents(work.resolve("models")).size());
    }

    private void assertTheKilledRunRanNoSucceededTaskAgain(long run, Map<Long, Integer> doneBefore) throws Exception {
        try (Connection db = DriverManager.getConnection(
                "jdbc:h2:file:" + state.resolve("state"),
                "sa",
                Files.readString(state.resolve("db.password")).trim())) {
            for (Map.Entry<Long, Integer> e : doneBefore.entrySet()) {
                assertEquals(
                        (long) e.getValue(),
                        count(db, "SELECT COUNT(*) FROM task_try WHERE task_instance_id = ?", e.getKey()),
                        "task instance " + e.getKey() + " succeeded before the kill and ran no other try");
            }
            assertEquals(
                    0,
                    count(
                            db,
                            "SELECT COUNT(*) FROM task_instance WHERE run_id = ? AND state <> 'SUCCESS'"
                                    + " AND map_index < 0 AND state <> 'MAPPED'",
                            run),
                    "every task succeeded");
        }
    }

    /**
     * A training that fails every try (a learning rate the stage refuses): retried, then the run fails cleanly,
     * the current model of that kind stays current, and the report says why.
     */
    @Test
    @Order(2)
    void aTrainingThatAlwaysFailsLeavesTheCurrentModelAndTheReportSaysWhy() throws Exception {
        Path registry = work.resolve("models");
        byte[] sequenceBefore = Files.readAllBytes(ModelRegistryContract.currentFile(registry, "SEQUENCE"));
        byte[] inclusiveBefore = Files.readAllBytes(ModelRegistryContract.currentFile(registry, "INCLUSIVE"));
        Map<String, Object> p = params();
        p.put("recurrent_learning_rate", -1.0);
        long run = engine.trigger("retrain", p).path("id").asLong();
        assertEquals("failed", engine.awaitEnd(run, RUN));

        JsonNode train = engine.task(run, "train_sequence");
        assertEquals("failed", train.path("state").asText());
        assertEquals(2, train.path("try_number").asInt(), "retried once (the DAG's retries: 1)");
        assertEquals(train.path("max_tries").asInt(), train.path("try_number").asInt());
        assertTrue(train.path("message").asText().contains("learning rate must be > 0"), train.toString());
        assertEquals(
                "upstream_failed",
                engine.task(run, "publish_sequence").path("state").asText());
        assertEquals("success", engine.task(run, "train_hlf").path("state").asText(), "the others went on");
        assertEquals("success", engine.task(run, "report").path("state").asText());
        assertArrayEquals(
                sequenceBefore,
                Files.readAllBytes(ModelRegistryContract.currentFile(registry, "SEQUENCE")),
                "the current SEQUENCE model stays current");
        assertArrayEquals(
                inclusiveBefore, Files.readAllBytes(ModelRegistryContract.currentFile(registry, "INCLUSIVE")));

        String runKey = engine.get("/api/runs/" + run).path("run_id").asText();
        JsonNode report = JSON.readTree(
                work.resolve("runs").resolve(runKey).resolve("report.json").toFile());
        assertEquals("failed", report.at("/dag_run/state").asText());
        JsonNode seq = report.at("/models/1");
        assertEquals("SEQUENCE", seq.path("kind").asText());
        assertFalse(seq.path("published").asBoolean());
        assertTrue(
                seq.path("why").asText().startsWith("train_sequence failed after 2 of 2 tries")
                        && seq.path("why").asText().contains("learning rate must be > 0"),
                seq.path("why").asText());
        assertEquals(0, report.at("/events/new").asLong(), "no event since the published models' run");
    }

    /** A retrain on an empty event table fails at its first task with a clear message, and writes nothing. */
    @Test
    @Order(3)
    void aRetrainOnAnEmptyTableFailsAtItsFirstTaskAndWritesNothing() throws Exception {
        Path empty = work.resolve("empty-table");
        Map<String, Object> p = params();
        p.put("event_table", empty.toString());
        p.put("runs", work.resolve("empty-runs").toString());
        long run = engine.trigger("retrain", p).path("id").asLong();
        assertEquals("failed", engine.awaitEnd(run, RUN));
        JsonNode snapshot = engine.task(run, "snapshot");
        assertEquals("failed", snapshot.path("state").asText());
        assertEquals(1, snapshot.path("try_number").asInt(), "not retried");
        assertTrue(
                snapshot.path("message").asText().contains("the event table " + empty + " is empty"),
                snapshot.path("message").asText());
        for (String task : List.of("features", "grid", "train_hlf", "publish_hlf")) {
            JsonNode t = engine.task(run, task);
            assertEquals("upstream_failed", t.path("state").asText(), task);
            assertEquals(0, t.path("try_number").asInt(), task + " never ran");
        }
        assertFalse(engine.task(run, "report").path("output").path("written").asBoolean(), "no report");
        assertFalse(Files.exists(work.resolve("empty-runs")), "nothing written");
        assertFalse(Files.exists(empty), "not even the table's folder");
    }

    private static long count(Connection db, String sql, long arg) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void run(String... args) throws Exception {
        List<String> argv =
                new java.util.ArrayList<>(List.of(home.resolve("bin/dltrigger").toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("cli.log").toFile())
                .start();
        assertEquals(0, p.waitFor(), String.join(" ", args) + ": " + Files.readString(work.resolve("cli.log")));
    }
}
