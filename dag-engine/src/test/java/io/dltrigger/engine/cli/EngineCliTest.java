package io.dltrigger.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.TestDags;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as bin/dltrigger runs them, on a real H2 file. */
class EngineCliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = EngineCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void validateRunInTheForegroundListAndReadLogs() throws Exception {
        Path dags = home.resolve("conf/dags");
        TestDags.hello(dags);
        TestDags.refused(dags);

        assertEquals(1, run("dags", "validate"));
        assertTrue(out.toString().contains("ok: " + dags.resolve("hello.yaml")), out.toString());
        assertTrue(
                err.toString().contains(dags.resolve("bad.yaml") + ":2: DAG: bad cron expression 'every day'"),
                err.toString());
        assertTrue(
                err.toString().contains(dags.resolve("broken.yaml") + ":4: task: task a: unknown task type 'shel'"),
                err.toString());

        assertEquals(0, run("engine", "run", "hello", "-p", "who=physicist"), err.toString());
        assertTrue(out.toString().contains("greet") && out.toString().contains("run 1: success"), out.toString());

        assertEquals(0, run("runs"));
        assertTrue(out.toString().contains("hello") && out.toString().contains("success"), out.toString());
        assertEquals(0, run("tasks", "1"));
        String taskTable = out.toString();
        assertTrue(taskTable.contains("greet") && taskTable.contains("done"), taskTable);
        String greetId = taskTable
                .lines()
                .filter(l -> l.contains("greet"))
                .findFirst()
                .orElseThrow()
                .trim()
                .split("\\s+")[0];
        assertEquals(0, run("tasks", "logs", greetId));
        assertTrue(out.toString().contains("hello physicist try 1"), out.toString());

        assertEquals(0, run("dags", "pause", "hello"));
        assertEquals(1, run("dags", "list"), "a refused file makes list exit 1");
        assertTrue(out.toString().contains("paused"), out.toString());
        assertTrue(out.toString().contains("refused: " + dags.resolve("bad.yaml") + ":2"), out.toString());

        assertEquals(2, run("trigger", "nope"));
        assertTrue(err.toString().contains("no DAG 'nope'"), err.toString());
        assertEquals(0, run("backfill", "hello", "--from", "2026-02-01", "--to", "2026-02-03"));
        assertTrue(out.toString().contains("queued 3 backfill runs"), out.toString());
    }
}
