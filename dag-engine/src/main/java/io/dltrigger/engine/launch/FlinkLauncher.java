package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code flink}: {@code local} runs the job in a child JVM (Flink's local environment), {@code host:port}
 * submits it with {@code $FLINK_HOME/bin/flink run -m}. A streaming job ({@code streaming: true}) succeeds
 * once it has run for {@code running_after} and is then supervised; when it dies it is started again with
 * {@code restore_arg} and the newest checkpoint Flink retained under {@code checkpoint_dir}. Everything the
 * engine knows of Flink is in this class.
 */
public final class FlinkLauncher extends ProcessLauncher<TaskAction.Flink> implements RestartStrategy {
    private static final String TYPE = "flink";

    public FlinkLauncher(ProcessRunner processes) {
        super(processes);
    }

    @Override
    public Class<TaskAction.Flink> type() {
        return TaskAction.Flink.class;
    }

    @Override
    protected ProcessSpec command(TaskAction.Flink f, JsonNode vars, Path home) {
        ModuleLaunch m = ModuleLaunch.of(home, f.module());
        String main = f.mainClass() == null ? m.mainClass() : f.mainClass();
        String target = Template.render(f.target(), vars);
        if (target.equals("local")) {
            List<String> argv = m.javaCommand(home, List.of());
            argv.add(main);
            argv.addAll(render(f.args(), vars));
            return new ProcessSpec(argv, render(f.env(), vars));
        }
        List<String> argv = new ArrayList<>(List.of(tool("FLINK_HOME", "flink"), "run", "-m", target, "-c", main));
        if (f.parallelism() > 0) {
            argv.addAll(List.of("-p", String.valueOf(f.parallelism())));
        }
        argv.add(m.jar().toString());
        argv.addAll(render(f.args(), vars));
        return new ProcessSpec(argv, render(f.env(), vars));
    }

    @Override
    public Work prepare(TaskAction.Flink f, TryStart start) {
        TaskAction.Streaming st = f.streaming();
        if (st == null) {
            return super.prepare(f, start);
        }
        ProcessSpec command = command(f, start.vars(), start.home());
        writeContext(start);
        Map<String, String> env = taskEnv(start);
        String stored = command.toJson(env);
        String checkpointDir = st.checkpointDir() == null ? null : Template.render(st.checkpointDir(), start.vars());
        TaskInstance ti = start.instance();
        String dagId = start.run().dagId();
        String logPath = start.files().logFile().toString();
        return new Work.Blocking(() -> processes.runUntil(
                start.files(),
                command,
                env,
                start.onPid(),
                start.cancel(),
                st.runningAfter(),
                h -> new Outcome.Supervised(new SupervisedJob(
                        ti.id(),
                        dagId,
                        ti.taskId(),
                        TYPE,
                        SupervisedJob.State.RUNNING,
                        h.pid(),
                        ProcessRunner.startMillis(h),
                        0,
                        st.maxRestarts(),
                        stored,
                        checkpointDir,
                        st.restoreArg(),
                        logPath))));
    }

    @Override
    public String taskType() {
        return TYPE;
    }

    /** A dead job resumes from its newest retained checkpoint, if Flink wrote one yet. */
    @Override
    public Restart restart(SupervisedJob job) {
        return latestCheckpoint(job.checkpointDir())
                .map(c -> new Restart(List.of(job.restoreArg(), c.toString()), " from checkpoint " + c))
                .orElse(new Restart(List.of(), " (no checkpoint yet)"));
    }

    /** A completed checkpoint is a commit: the job's sink published the files it covers. */
    @Override
    public Optional<String> latestCommit(SupervisedJob job) {
        return latestCheckpoint(job.checkpointDir()).map(Path::toString);
    }

    /** The newest retained Flink checkpoint (a {@code chk-N} folder holding {@code _metadata}) under {@code dir}. */
    static Optional<Path> latestCheckpoint(String dir) {
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(Path.of(dir), 3)) {
            return s.filter(p -> p.getFileName().toString().matches("chk-\\d+")
                            && Files.isRegularFile(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(FlinkLauncher::metadataTime));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static long metadataTime(Path chk) {
        try {
            return Files.getLastModifiedTime(chk.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
