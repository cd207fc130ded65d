package io.dltrigger.filter.testing;

import io.dltrigger.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The other stages as a user runs them: {@code bin/dltrigger SUBCOMMAND ...}, each in a JVM of its own. */
public final class Stages {
    /** The repository these tests run in (the parent of its {@code testdata/}). */
    public static final Path HOME = TestData.home().getParent();

    private Stages() {}

    /** Runs a subcommand to its end; a non-zero exit fails with the end of its log. */
    public static void run(Path log, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(HOME.resolve("bin/dltrigger").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // modest heaps and one OpenMP thread: the machine is shared
        pb.environment().put("DLTRIGGER_JAVA_OPTS", "-Xmx1500m");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not end:\n" + tail(log));
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    String.join(" ", args) + " exited with " + p.exitValue() + ":\n" + tail(log));
        }
    }

    public static void run(Path log, String... args) throws Exception {
        run(log, Map.of(), args);
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
