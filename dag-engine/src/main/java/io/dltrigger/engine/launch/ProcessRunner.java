package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a task as a child process tree and survives the engine: the child starts in its own session
 * (so a timeout kills the whole tree), writes straight to its log file, and a tiny shell wrapper
 * records the exit code in a file, atomically, so a restarted engine can learn how a task ended while it
 * was down, or re-attach to it by pid while it still runs.
 */
public final class ProcessRunner {
    /**
     * Records its own pid (the session's) in $DLTRIGGER_PID_FILE, runs "$@", then writes its exit code to
     * $DLTRIGGER_EXIT_FILE through a temporary name.
     */
    private static final String WRAPPER =
            "echo $$ > \"$DLTRIGGER_PID_FILE\"; \"$@\"; rc=$?; printf '%s\\n' \"$rc\" > \"$DLTRIGGER_EXIT_FILE.tmp\""
                    + " && mv -f \"$DLTRIGGER_EXIT_FILE.tmp\" \"$DLTRIGGER_EXIT_FILE\"; exit $rc";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration killGrace;

    public ProcessRunner(Duration killGrace) {
        this.killGrace = killGrace;
    }

    /** Starts the try and waits for it to end. */
    public Outcome run(
            TryFiles a,
            ProcessSpec spec,
            Map<String, String> taskEnv,
            TryStart.PidListener onStart,
            Cancellation cancel) {
        return runUntil(a, spec, taskEnv, onStart, cancel, null, null);
    }

    /**
     * Starts the try and waits for it to end or, with {@code runningAfter} (a streaming job), for it to have
     * run that long: then the process is left running and {@code whenRunning} says how the try ended.
     */
    public Outcome runUntil(
            TryFiles a,
            ProcessSpec spec,
            Map<String, String> taskEnv,
            TryStart.PidListener onStart,
            Cancellation cancel,
            Duration runningAfter,
            Function<ProcessHandle, Outcome> whenRunning) {
        ProcessHandle h;
        try {
            Files.deleteIfExists(a.outputFile());
            Files.deleteIfExists(a.progressFile());
            h = start(a, spec, taskEnv, "try " + a.tryNumber() + " of " + a.label());
        } catch (IOException e) {
            return Outcome.failed(null, "cannot start " + spec.argv().get(0) + ": " + e.getMessage());
        }
        onStart.started(h.pid(), startMillis(h));
        long runningAt = runningAfter == null ? Long.MAX_VALUE : System.nanoTime() + runningAfter.toNanos();
        return await(a, h, cancel, runningAt, whenRunning);
    }

    /**
     * The engine's own secrets as its environment may hold them (its admin token, the database's and the keystore's
     * passwords): a task or callback process never inherits them, so that no task can print them into a log that a
     * viewer reads, nor act as the engine's admin.
     */
    static final List<String> ENGINE_SECRETS =
            List.of("DLTRIGGER_API_TOKEN", "DLTRIGGER_DB_PASSWORD", "DLTRIGGER_TLS_PASSWORD");

    /** Removes {@link #ENGINE_SECRETS} from a child process's environment. */
    public static void dropEngineSecrets(Map<String, String> environment) {
        environment.keySet().removeAll(ENGINE_SECRETS);
    }

    /** Starts the command in its own session, output appended to the try's log; doesn't wait. */
    public ProcessHandle start(TryFiles a, ProcessSpec spec, Map<String, String> taskEnv, String what)
            throws IOException {
        Files.createDirectories(a.logFile().getParent());
        Files.deleteIfExists(a.exitFile());
        Files.deleteIfExists(a.pidFile());
        Files.writeString(
                a.logFile(),
                "[engine] " + Instant.now() + " " + what + ": " + String.join(" ", spec.argv()) + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        List<String> argv = new ArrayList<>(List.of("setsid", "/bin/sh", "-c", WRAPPER, "dltrigger-task"));
        argv.addAll(spec.argv());
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(a.logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        dropEngineSecrets(pb.environment());
        pb.environment().putAll(taskEnv);
        pb.environment().putAll(spec.env());
        pb.environment().put("DLTRIGGER_EXIT_FILE", a.exitFile().toString());
        pb.environment().put("DLTRIGGER_PID_FILE", a.pidFile().toString());
        pb.environment().put("DLTRIGGER_OUTPUT", a.outputFile().toString());
        pb.environment().put("DLTRIGGER_PROGRESS", a.progressFile().toString());
        if (Files.isRegularFile(a.contextFile())) {
            pb.environment().put("DLTRIGGER_CONTEXT", a.contextFile().toString());
        }
        String home = taskEnv.get("DLTRIGGER_HOME");
        if (home != null) {
            pb.directory(new java.io.File(home)); // relative paths in DAGs and profiles mean the project home
        }
        return pb.start().toHandle();
    }

    /** Waits for a process started before the engine restarted. */
    public Outcome reattach(TryFiles a, ProcessHandle h, Cancellation cancel) {
        appendLog(a, "[engine] " + Instant.now() + " re-attached to pid " + h.pid() + " after an engine restart\n");
        return await(a, h, cancel, Long.MAX_VALUE, null);
    }

    /** How a process that ended while no engine watched it went, from its exit file; empty if it left none. */
    public Optional<Outcome> outcomeFromFiles(TryFiles a) {
        if (!Files.isRegularFile(a.exitFile())) {
            return Optional.empty();
        }
        return Optional.of(finish(a, readExit(a)));
    }

    /**
     * The pid a try's wrapper recorded, for a try whose pid never reached the store (the engine died in
     * between); empty if the wrapper never ran.
     */
    public static Optional<Long> recordedPid(TryFiles a) {
        try {
            return Files.isRegularFile(a.pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(a.pidFile()).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Is this pid still the process we started (not a recycled pid)? */
    public static Optional<ProcessHandle> live(long pid, Long startedAtMillis) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> startedAtMillis == null || Math.abs(startMillis(h) - startedAtMillis) < 1000);
    }

    private Outcome await(
            TryFiles a,
            ProcessHandle h,
            Cancellation cancel,
            long runningAtNanos,
            Function<ProcessHandle, Outcome> whenRunning) {
        cancel.bind(Thread.currentThread());
        try {
            while (h.isAlive()) {
                if (System.nanoTime() >= runningAtNanos) {
                    appendLog(
                            a,
                            "[engine] " + Instant.now()
                                    + " running for the required time: success; the engine now supervises pid "
                                    + h.pid() + "\n");
                    return whenRunning.apply(h);
                }
                if (cancel.cancelled()) {
                    appendLog(
                            a,
                            "[engine] " + Instant.now() + " " + cancel.reason() + ": killing the process tree of pid "
                                    + h.pid() + "\n");
                    ProcessTree.kill(h.pid(), killGrace);
                    return Outcome.cancelled(cancel);
                }
                try {
                    h.onExit()
                            .get(
                                    Math.max(1, Math.min(200, (runningAtNanos - System.nanoTime()) / 1_000_000)),
                                    TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
                    // re-check cancellation; interrupts come from Cancellation.cancel
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
            if (cancel.cancelled()) { // cancelled in the instant the process ended: its group may still hold children
                ProcessTree.kill(h.pid(), killGrace);
                return Outcome.cancelled(cancel);
            }
            return finish(a, readExit(a));
        } finally {
            cancel.unbind();
        }
    }

    private Outcome finish(TryFiles a, Integer exit) {
        if (exit == null) {
            return Outcome.failed(null, "the process ended without recording an exit code (killed by a signal?)");
        }
        if (exit != 0) {
            return Outcome.failed(exit, "exit code " + exit + lastWords(a));
        }
        if (!Files.isRegularFile(a.outputFile())) {
            return Outcome.succeeded(0, null);
        }
        try {
            String text = Files.readString(a.outputFile(), StandardCharsets.UTF_8);
            return Outcome.succeeded(0, JSON.readTree(text).toString());
        } catch (IOException e) {
            return Outcome.failed(0, "output " + a.outputFile() + " is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * The last line the task printed, so that a failure says why where it is listed (the CLI, the UI, a report
     * that lists failed tasks): stages end a failure with a one-line error.
     */
    static String lastWords(TryFiles a) {
        try (java.io.RandomAccessFile f =
                new java.io.RandomAccessFile(a.logFile().toFile(), "r")) {
            long from = Math.max(0, f.length() - 4096);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("[engine]")) {
                    return ": " + (line.length() > 300 ? line.substring(0, 297) + "..." : line);
                }
            }
        } catch (IOException e) {
            // no log: the exit code says what there is to say
        }
        return "";
    }

    private static Integer readExit(TryFiles a) {
        try {
            return Integer.parseInt(Files.readString(a.exitFile()).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    public static void appendLog(TryFiles a, String line) {
        try {
            Files.createDirectories(a.logFile().getParent());
            Files.writeString(
                    a.logFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long startMillis(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
