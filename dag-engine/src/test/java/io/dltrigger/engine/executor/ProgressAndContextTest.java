package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a task process gets besides its command line: a progress file the engine reads back while it runs
 * ({@code $DLTRIGGER_PROGRESS}), its context as a JSON file ({@code $DLTRIGGER_CONTEXT}: params, upstream outputs
 * and states, the profile), and the project home as its working directory.
 */
class ProgressAndContextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRunningTaskReportsProgressAndReadsItsContextAsData() throws Exception {
        Path release = dir.resolve("release");
        Path seen = dir.resolve("seen.json");
        Path cwd = dir.resolve("cwd");
        String work = "pwd > " + cwd + "; cp \"$DLTRIGGER_CONTEXT\" " + seen + ";"
                + " echo '{\"done\": 3, \"total\": 10, \"unit\": \"epochs\"}' > \"$DLTRIGGER_PROGRESS.tmp\";"
                + " mv \"$DLTRIGGER_PROGRESS.tmp\" \"$DLTRIGGER_PROGRESS\";"
                + " while [ ! -e " + release + " ]; do sleep 0.05; done";
        try (EngineFixture f = new EngineFixture(
                dir, 2, Map.of(), cfg -> cfg.withProfile(new Profile("test", Map.of("data", "/srv/data"), Map.of())))) {
            f.register(DagBuilder.dag("ctx")
                            .param("table", "{{ profile.data }}/events")
                            .task("first", new TaskAction.Shell("echo '{\"n\": 7}' > \"$DLTRIGGER_OUTPUT\"", Map.of()))
                            .task("second", new TaskAction.Shell(work, Map.of()), t -> t.dependsOn("first"))
                            .build())
                    .start();
            long runId = f.service().trigger("ctx", Map.of()).id();
            EngineFixture.await(
                    "second's progress",
                    Duration.ofSeconds(60),
                    () -> progress(f, runId).isPresent());
            TaskProgress p = progress(f, runId).orElseThrow();
            assertEquals(new TaskProgress(3, 10, "epochs", ""), p);
            assertEquals("3/10 epochs", p.describe());

            JsonNode ctx = JSON.readTree(seen.toFile());
            assertEquals("/srv/data/events", ctx.at("/params/table").asText(), "a default rendered from the profile");
            assertEquals("/srv/data", ctx.at("/profile/data").asText());
            assertEquals(7, ctx.at("/outputs/first/n").asInt());
            assertEquals("success", ctx.at("/upstream/first/state").asText());
            assertEquals(dir.toRealPath().toString(), Files.readString(cwd).trim(), "tasks run in the project home");

            Files.writeString(release, "go");
            assertEquals(
                    RunState.SUCCESS,
                    f.service().awaitRun(runId, Duration.ofSeconds(60)).state());
            assertTrue(progress(f, runId).isEmpty(), "an ended task has no progress");
        }
    }

    private static Optional<TaskProgress> progress(EngineFixture f, long runId) {
        return f.service().tasks(runId).stream() // no instances until the run starts
                .filter(t -> t.taskId().equals("second"))
                .findFirst()
                .flatMap(t -> f.service().progress(t));
    }
}
