package io.dltrigger.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad command lines stop before any job starts, with exit code 2 and the offending key or path. */
class IngestCliTest {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        CommandLine cli = IngestCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(expectedExit, cli.execute(args), err.toString());
        return err.toString();
    }

    @Test
    void refusesMissingInputPath() {
        String err = run(
                2,
                "ingest",
                "--input",
                dir.resolve("nope").toString(),
                "--output",
                dir.resolve("out").toString());
        assertTrue(err.contains("input: " + dir.resolve("nope") + " does not exist"), err);
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        String err = run(
                2,
                "ingest",
                "--input",
                dir.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--chunk-events",
                "0");
        assertTrue(err.contains("chunk_events: must be positive"), err);
        err = run(
                2,
                "ingest",
                "--input",
                dir.toString(),
                "--output",
                dir.resolve("out").toString(),
                "--checkpoint-interval",
                "often");
        assertTrue(err.contains("checkpoint_interval: 'often' is not a duration"), err);
    }

    @Test
    void refusesBadConfigFileWithItsLine() throws Exception {
        Path conf = dir.resolve("ingest.yaml");
        Files.writeString(conf, "tree: Delphes\nparallelism: two\n");
        String err = run(2, "ingest", "--config", conf.toString(), "--input", dir.toString(), "--output", "out");
        assertTrue(err.contains("ingest.yaml line 2"), err);
        err = run(
                2,
                "ingest",
                "--config",
                dir.resolve("absent.yaml").toString(),
                "--input",
                dir.toString(),
                "--output",
                "out");
        assertTrue(err.contains("--config: no such file"), err);
    }

    @Test
    void takesTheQuietPeriodFromTheCommandLine() {
        CommandLine cli = IngestCli.commandLine();
        CommandLine.ParseResult parsed =
                cli.parseArgs("ingest", "--input", dir.toString(), "--output", "out", "--quiet-period", "2min");
        IngestCommand cmd = (IngestCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(java.time.Duration.ofMinutes(2), cmd.settings().toConfig().quietPeriod());
        String err = run(2, "ingest", "--input", dir.toString(), "--output", "out", "--quiet-period", "soon");
        assertTrue(err.contains("quiet_period: 'soon' is not a duration"), err);
    }

    @Test
    void missingOutputIsAUsageError() {
        String err = run(2, "ingest", "--input", dir.toString());
        assertTrue(err.contains("output: an output path is required"), err);
    }
}
