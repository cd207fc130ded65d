package io.dltrigger.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tasks RUN}, {@code tasks logs TASK}, {@code tasks clear TASK}. */
@Command(
        name = "tasks",
        mixinStandardHelpOptions = true,
        description = "Task instances of a run; logs and clear of one.",
        subcommands = {TasksCommand.Logs.class, TasksCommand.Clear.class})
public final class TasksCommand implements Callable<Integer> {
    @Mixin
    Remote remote;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "run id (see: runs)")
    Long runId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (runId == null) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
        Tables.print(
                spec.commandLine().getOut(),
                Tables.TASK_HEADER,
                Tables.rows(remote.client().get("/api/runs/" + runId + "/tasks"), Tables::task));
        return 0;
    }

    @Command(
            name = "logs",
            mixinStandardHelpOptions = true,
            description = "The log of a task try (default: the latest).")
    static final class Logs implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "TASK", description = "task instance id (see: tasks RUN)")
        long id;

        @Option(names = "--try", description = "try number")
        Integer tryNumber;

        @Option(
                names = {"-f", "--follow"},
                description = "keep printing the log as the task writes it, until the try ends")
        boolean follow;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            EngineClient client = remote.client();
            PrintWriter out = spec.commandLine().getOut();
            String path = "/api/tasks/" + id + "/log" + (tryNumber == null ? "" : "?try=" + tryNumber);
            int printed = 0;
            while (true) {
                boolean running =
                        client.get("/api/tasks/" + id).path("state").asText().equals("running");
                String log = client.text(path);
                out.print(log.substring(Math.min(printed, log.length())));
                out.flush();
                printed = log.length();
                if (!follow || !running) {
                    return 0;
                }
                Thread.sleep(500);
            }
        }
    }

    @Command(
            name = "clear",
            mixinStandardHelpOptions = true,
            description = "Re-run a task instance and its downstream tasks.")
    static final class Clear implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "TASK", description = "task instance id")
        long id;

        @Override
        public Integer call() {
            remote.client().post("/api/tasks/" + id + "/clear", null);
            return 0;
        }
    }
}
