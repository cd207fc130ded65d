package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The task types that run a child process tree (shell, java, spark, flink): a try is its command line,
 * run by {@link ProcessRunner} with the task's {@code DLTRIGGER_*} environment; a try left running by a
 * dead engine is re-attached by pid, or settled from the exit-code and output files its wrapper wrote.
 */
public abstract class ProcessLauncher<A extends TaskAction> implements Launcher<A> {
    protected final ProcessRunner processes;

    protected ProcessLauncher(ProcessRunner processes) {
        this.processes = processes;
    }

    /** The command line of one try, its templates rendered with {@code vars}. */
    protected abstract ProcessSpec command(A action, JsonNode vars, Path home);

    @Override
    public Work prepare(A action, TryStart start) {
        ProcessSpec command = command(action, start.vars(), start.home());
        writeContext(start);
        Map<String, String> env = taskEnv(start);
        return new Work.Blocking(() -> processes.run(start.files(), command, env, start.onPid(), start.cancel()));
    }

    /**
     * The try's template context as a JSON file ({@code $DLTRIGGER_CONTEXT}), so that a task reads its params and
     * its upstream tasks' outputs and states as data, never spliced into a command line. Owner-readable only.
     */
    protected static void writeContext(TryStart start) {
        writeContext(start.files().contextFile(), start.vars());
    }

    static void writeContext(Path file, JsonNode vars) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, vars.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the task context " + file, e);
        }
    }

    /**
     * What every task process sees of its try, besides {@code DLTRIGGER_OUTPUT}: the run variables, each
     * parameter as {@code DLTRIGGER_PARAM_name} and a mapped instance's element as {@code DLTRIGGER_ITEM} (JSON).
     * The environment is how values reach a shell command safely: a shell never executes a variable's value.
     */
    protected static Map<String, String> taskEnv(TryStart start) {
        TaskInstance ti = start.instance();
        JsonNode vars = start.vars();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DLTRIGGER_RUN_ID", start.run().runKey());
        env.put("DLTRIGGER_DAG_ID", start.run().dagId());
        env.put("DLTRIGGER_TASK_ID", ti.taskId());
        env.put("DLTRIGGER_MAP_INDEX", String.valueOf(ti.mapIndex()));
        env.put("DLTRIGGER_TRY_NUMBER", String.valueOf(ti.tryNumber()));
        env.put("DLTRIGGER_HOME", start.home().toString());
        for (String v : List.of("logical_date", "ds", "data_interval_start", "data_interval_end")) {
            env.put("DLTRIGGER_" + v.toUpperCase(Locale.ROOT), vars.path(v).asText());
        }
        vars.path("params")
                .fields()
                .forEachRemaining(p -> env.put("DLTRIGGER_PARAM_" + p.getKey(), ParamSpec.envValue(p.getValue())));
        if (vars.has("item")) {
            env.put("DLTRIGGER_ITEM", vars.get("item").toString());
        }
        return env;
    }

    @Override
    public Recovered recover(TaskInstance ti, TryFiles files, Cancellation cancel) {
        Long pid = ti.pid();
        Long pidStartedAt = ti.pidStartedAt();
        if (pid == null) {
            // The engine may have died between starting the process and storing its pid: the wrapper wrote it.
            Optional<Long> recorded = ProcessRunner.recordedPid(files);
            if (recorded.isPresent()) {
                pid = recorded.get();
                pidStartedAt = ProcessHandle.of(pid)
                        .filter(h -> h.info()
                                .startInstant()
                                .map(t -> !t.isBefore(ti.startedAt().minusSeconds(2)))
                                .orElse(false))
                        .map(ProcessRunner::startMillis)
                        .orElse(-1L); // -1: whatever now has that pid is not ours
            }
        }
        if (pid == null) {
            return new Recovered.Requeue(); // the try never started a process
        }
        Optional<ProcessHandle> h = ProcessRunner.live(pid, pidStartedAt);
        if (h.isPresent()) {
            return new Recovered.Reattached(pid, pidStartedAt, () -> processes.reattach(files, h.get(), cancel));
        }
        Outcome o = processes
                .outcomeFromFiles(files)
                .orElse(Outcome.failed(
                        null, "process " + pid + " ended while no engine watched it, without recording an exit code"));
        return new Recovered.Ended(pid, pidStartedAt, o);
    }

    /** {@code $HOME_VAR/bin/TOOL} (spark-submit, flink), or a clear error when the variable is unset. */
    protected static String tool(String homeVar, String tool) {
        String dir = System.getenv(homeVar);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(tool + " needs " + homeVar + " to be set");
        }
        return Path.of(dir, "bin", tool).toString();
    }

    protected static List<String> render(List<String> texts, JsonNode vars) {
        return texts.stream().map(t -> Template.render(t, vars)).collect(Collectors.toCollection(ArrayList::new));
    }

    protected static Map<String, String> render(Map<String, String> env, JsonNode vars) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, Template.render(v, vars)));
        return out;
    }
}
