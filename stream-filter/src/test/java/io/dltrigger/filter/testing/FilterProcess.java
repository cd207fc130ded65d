package io.dltrigger.filter.testing;

import io.dltrigger.filter.cli.FilterCli;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/dltrigger filter} in a JVM of its own, with this JVM's classpath and module flags (as streaming-ingest's
 * kill drill starts ingest), so that a test can kill it with SIGKILL; and event-table part files arriving in a
 * watched table as ingest commits them (a hidden name, then a rename).
 */
public final class FilterProcess {
    private FilterProcess() {}

    public static Process start(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-D") && !arg.startsWith("-Dsurefire")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), FilterCli.class.getName()));
        cmd.add("filter");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** SIGKILL, as a crash. */
    public static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a killed filter process is still alive");
        }
    }

    /** SIGTERM, and wait for the end. */
    public static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            kill9(p);
        }
    }

    /** Commits {@code part} of {@code table} into {@code watched} at the same relative path, as ingest does. */
    public static void arrive(Path table, Path part, Path watched) throws Exception {
        Path target = watched.resolve(table.relativize(part));
        Files.createDirectories(target.getParent());
        Path hidden = target.resolveSibling("." + target.getFileName() + ".inprogress");
        Files.copy(part, hidden, StandardCopyOption.REPLACE_EXISTING);
        Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until {@code condition} holds, failing after {@code timeout} with the end of {@code log}. */
    public static void await(String what, Duration timeout, Path log, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; log:\n" + Stages.tail(log));
    }
}
