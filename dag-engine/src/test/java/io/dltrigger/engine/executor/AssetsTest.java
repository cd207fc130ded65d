package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.AssetTrigger;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.service.EngineService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assets end to end on a real engine: a task that declares an asset in its outlets records an event with its
 * output when it succeeds; a DAG's trigger on the asset runs its check (a real child process) on new events and
 * starts a run only when the check says so, handing the check its cursor back the next time.
 */
class AssetsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aTriggerStartsARunOnlyWhenItsCheckSaysTheAssetGrewEnough() throws Exception {
        Path cursors = dir.resolve("cursors");
        // The producer updates 'table'; its output (the row count) becomes the event's metadata.
        var producer = DagBuilder.dag("producer")
                .param("rows", 0)
                .task(
                        "write",
                        new TaskAction.Shell(
                                "echo \"{\\\"rows\\\": $DLTRIGGER_PARAM_rows}\" > \"$DLTRIGGER_OUTPUT\"", Map.of()),
                        t -> t.outlets(List.of("table")))
                .build();
        // The check fires from 10 rows on, says why not otherwise, and keeps the rows it saw as its cursor. The
        // event's rows reach it through its environment (a template in env; a shell command takes none).
        String check = "echo \"[$DLTRIGGER_TRIGGER_CURSOR]\" >> " + cursors + "; "
                + "if [ \"$ROWS\" -ge \"$DLTRIGGER_PARAM_min_rows\" ]; then"
                + " echo \"{\\\"fire\\\": true, \\\"reason\\\": \\\"$ROWS rows\\\", \\\"cursor\\\": \\\"$ROWS\\\","
                + " \\\"params\\\": {\\\"seen\\\": $ROWS} }\" > \"$DLTRIGGER_OUTPUT\";"
                + " else echo \"{\\\"fire\\\": false, \\\"reason\\\": \\\"only $ROWS rows\\\","
                + " \\\"cursor\\\": \\\"$ROWS\\\"}\" > \"$DLTRIGGER_OUTPUT\"; fi";
        var consumer = DagBuilder.dag("consumer")
                .param("min_rows", 10)
                .param("seen", 0)
                .trigger(new AssetTrigger(
                        "table",
                        new TaskAction.Shell(check, Map.of("ROWS", "{{ asset.event.rows }}")),
                        Duration.ofMillis(100),
                        0))
                .task("use", new TaskAction.Shell("echo using $DLTRIGGER_PARAM_seen rows", Map.of()))
                .build();
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(producer).register(consumer).start();
            EngineService s = f.service();

            assertEquals(
                    RunState.SUCCESS,
                    f.runToEnd("producer", Map.of("rows", "5")).state());
            EngineFixture.await(
                    "the first evaluation",
                    Duration.ofSeconds(60),
                    () -> evaluations(s).size() == 1);
            TriggerEvaluation no = evaluations(s).get(0);
            assertFalse(no.fired());
            assertEquals("only 5 rows", no.reason());
            assertTrue(s.runs("consumer", 10).isEmpty(), "the check said no: no run");

            assertEquals(
                    RunState.SUCCESS,
                    f.runToEnd("producer", Map.of("rows", "50")).state());
            EngineFixture.await(
                    "the second evaluation",
                    Duration.ofSeconds(60),
                    () -> evaluations(s).size() == 2);
            TriggerEvaluation yes = evaluations(s).get(0);
            assertTrue(yes.fired(), yes.reason());
            assertEquals("50 rows", yes.reason());
            DagRun run = s.awaitRun(yes.runId(), Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, run.state());
            assertEquals(RunType.ASSET, run.type());
            assertEquals(50, run.params().get("seen").asInt(), "the check's params override the defaults");
            assertEquals(List.of("[]", "[5]"), Files.readAllLines(cursors), "each check gets the last cursor back");

            EngineService.AssetView table = s.assets().stream()
                    .filter(a -> a.name().equals("table"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(2, table.events());
            assertEquals(List.of("producer.write"), table.producers());
            JsonNode meta = JSON.readTree(table.latest().orElseThrow().metadata());
            assertEquals(50, meta.get("rows").asInt(), "the event carries the task's output");
            assertEquals(
                    yes.runId(),
                    table.triggers().get(0).lastEvaluation().orElseThrow().runId());
            assertEquals(1, s.runs("consumer", 10).size(), "one event, one run");
        }
    }

    @Test
    void aFailedProducerRecordsNoEventAndAFailingCheckIsRetriedOnTheSameEvent() throws Exception {
        Path attempts = dir.resolve("attempts");
        var producer = DagBuilder.dag("p")
                .param("ok", true)
                .task("write", new TaskAction.Shell("$DLTRIGGER_PARAM_ok", Map.of()), t -> t.outlets(List.of("things")))
                .build();
        // The check fails the first time (as a broken table read would), then fires.
        String check = "echo x >> " + attempts + "; [ $(wc -l < " + attempts + ") -ge 2 ]";
        var consumer = DagBuilder.dag("c")
                .trigger(new AssetTrigger("things", new TaskAction.Shell(check, Map.of()), Duration.ofMillis(100), 0))
                .task("use", new TaskAction.Noop())
                .build();
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(producer).register(consumer).start();
            EngineService s = f.service();
            assertEquals(RunState.FAILED, f.runToEnd("p", Map.of("ok", "false")).state());
            assertEquals(0, s.assets().get(0).events(), "a failed task updates nothing");

            assertEquals(RunState.SUCCESS, f.runToEnd("p", Map.of()).state());
            EngineFixture.await(
                    "the second evaluation",
                    Duration.ofSeconds(60),
                    () -> evaluations(s, "things").size() == 2);
            List<TriggerEvaluation> evals = evaluations(s, "things");
            assertEquals(1, s.runs("c", 10).size());
            assertFalse(evals.get(1).fired());
            assertTrue(
                    evals.get(1).reason().startsWith("the check failed: exit code 1"),
                    evals.get(1).reason());
            assertEquals(
                    evals.get(1).eventId(), evals.get(0).eventId(), "the failed check's event was looked at again");
            assertTrue(evals.get(0).fired());
        }
    }

    private static List<TriggerEvaluation> evaluations(EngineService s) {
        return evaluations(s, "table");
    }

    private static List<TriggerEvaluation> evaluations(EngineService s, String asset) {
        return s.asset(asset, 10).evaluations();
    }
}
