package io.dltrigger.engine.cli;

import io.dltrigger.engine.http.RestServer;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskProgress;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engine server|scheduler|run}: the processes that schedule and run tasks. */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description = "Run the engine: server (scheduler + REST + UI), scheduler, or one DAG in the foreground.",
        subcommands = {EngineCommand.Server.class, EngineCommand.Scheduler.class, EngineCommand.RunDag.class})
public final class EngineCommand {

    @Command(
            name = "server",
            mixinStandardHelpOptions = true,
            description = "Scheduler and workers, with the REST API, web UI and /metrics.")
    static final class Server implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Option(
                names = "--port",
                defaultValue = "8080",
                description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks one)")
        int port;

        @Option(
                names = "--bind",
                defaultValue = "127.0.0.1",
                description = "address to listen on (default: ${DEFAULT-VALUE})")
        String bind;

        @Option(names = "--no-scheduler", description = "serve the API and UI only (another process schedules)")
        boolean noScheduler;

        @Option(
                names = "--no-schedules",
                description = "create no scheduled runs (manual, backfill and asset-triggered runs still run)")
        boolean noSchedules;

        @Override
        public Integer call() throws Exception {
            if (noSchedules) {
                conn.schedules = false;
            }
            EngineRuntime rt = conn.open(!noScheduler);
            if (!noScheduler) {
                rt.start();
            }
            RestServer http = new RestServer(rt.service(), rt.metrics());
            int p = http.start(bind, port);
            System.out.println("dltrigger engine: http://" + bind + ":" + p + "/  (state: " + conn.url() + ")");
            return blockUntilStopped(() -> {
                http.close();
                rt.close();
            });
        }
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true, description = "Scheduler and workers without HTTP.")
    static final class Scheduler implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Override
        public Integer call() throws Exception {
            EngineRuntime rt = conn.open(true).start();
            System.out.println("dltrigger scheduler running (state: " + conn.url() + ")");
            return blockUntilStopped(rt::close);
        }
    }

    @Command(
            name = "run",
            mixinStandardHelpOptions = true,
            description =
                    "Trigger DAG and run just that run here in the foreground (no schedules, no other runs), with progress;"
                            + " exits 1 if the run fails. Needs the engine lease: stop a running scheduler first, or use trigger.")
    static final class RunDag implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Parameters(index = "0", paramLabel = "DAG")
        String dagId;

        @Option(
                names = {"-p", "--param"},
                description = "parameter override k=v (value parsed as JSON when it can be)")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(
                names = "--timeout",
                defaultValue = "24h",
                description = "give up waiting after this long (default: ${DEFAULT-VALUE})")
        String timeout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (EngineRuntime rt = conn.open(true)) {
                EngineService s = rt.service();
                DagRun run = s.trigger(dagId, params);
                rt.startOnly(run.id());
                PrintWriter out = spec.commandLine().getOut();
                out.println("run " + run.id() + " (" + run.runKey() + ") of " + dagId);
                out.flush();
                DagRun done = new Progress(s, out, System.console() != null)
                        .follow(run.id(), io.dltrigger.engine.model.Durations.parse(timeout));
                out.println("run " + run.id() + ": " + done.state().name().toLowerCase() + " in "
                        + Tables.took(done.startedAt(), done.endedAt()));
                out.flush();
                return done.state() == io.dltrigger.engine.model.RunState.SUCCESS ? 0 : 1;
            }
        }
    }

    /**
     * Prints state changes until the run ends, and for each running task its elapsed time and the progress it
     * reports ({@code $DLTRIGGER_PROGRESS}): on a terminal as a live line per running task, redrawn in place;
     * otherwise as a line whenever a task's progress changed, at most every {@link #QUIET} per task.
     */
    static final class Progress {
        private static final Duration QUIET = Duration.ofSeconds(10);
        private final EngineService s;
        private final PrintWriter out;
        private final boolean tty;
        private final Map<Long, String> seen = new HashMap<>();
        private final Map<Long, String> shown = new HashMap<>();
        private final Map<Long, Long> shownAt = new HashMap<>();
        private int liveLines;

        Progress(EngineService s, PrintWriter out, boolean tty) {
            this.s = s;
            this.out = out;
            this.tty = tty;
        }

        DagRun follow(long runId, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                DagRun r = s.run(runId);
                List<TaskInstance> tis = s.tasks(runId);
                clearLive();
                for (TaskInstance t : tis) {
                    String key = t.state() + "/" + t.tryNumber();
                    boolean changed = !key.equals(seen.put(t.id(), key));
                    if (changed && t.state() != TaskState.NONE && t.state() != TaskState.RUNNING) {
                        out.printf(
                                "  %-28s %-16s try %d %7s%s%n",
                                t.label(),
                                t.state().name().toLowerCase(),
                                t.tryNumber(),
                                Tables.took(t.startedAt(), t.endedAt()),
                                t.message() == null ? "" : "  " + t.message());
                    } else if (t.state() == TaskState.RUNNING && !tty) {
                        String p = s.progress(t).map(TaskProgress::describe).orElse("");
                        long now = System.nanoTime();
                        boolean quiet = now - shownAt.getOrDefault(t.id(), 0L) < QUIET.toNanos();
                        if (changed || (!p.equals(shown.get(t.id())) && !quiet)) {
                            shown.put(t.id(), p);
                            shownAt.put(t.id(), now);
                            out.printf(
                                    "  %-28s running          try %d %7s%s%n",
                                    t.label(),
                                    t.tryNumber(),
                                    Tables.took(t.startedAt(), null),
                                    p.isEmpty() ? "" : "  " + p);
                        }
                    }
                }
                if (tty) {
                    for (TaskInstance t : tis) {
                        if (t.state() == TaskState.RUNNING) {
                            out.printf(
                                    "  \u25b6 %-26s running %7s  %s%n",
                                    t.label(),
                                    Tables.took(t.startedAt(), null),
                                    s.progress(t).map(TaskProgress::describe).orElse("try " + t.tryNumber()));
                            liveLines++;
                        }
                    }
                }
                out.flush();
                if (r.state().finished()) {
                    clearLive();
                    return r;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("run " + runId + " still " + r.state() + " after " + timeout);
                }
                Thread.sleep(250);
            }
        }

        private void clearLive() {
            for (; liveLines > 0; liveLines--) {
                out.print("\u001b[1A\u001b[2K"); // cursor up, erase line: the live block is redrawn
            }
        }
    }

    static int blockUntilStopped(Runnable onStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
