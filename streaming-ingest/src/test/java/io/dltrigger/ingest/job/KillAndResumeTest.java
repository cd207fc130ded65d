package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.cli.IngestCli;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill: {@code bin/dltrigger ingest} (the CLI, in a JVM of its own) on a watched folder, killed with
 * SIGKILL four times at random moments while files keep arriving, and started again with the same command
 * each time - no {@code --from-checkpoint}: it resumes by itself from the newest complete checkpoint. At the
 * end the table holds every event once, with the files' values; the in-progress part files and the
 * incomplete checkpoint folders the kills left are gone.
 */
class KillAndResumeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final int KILLS = 4;

    @TempDir
    Path dir;

    @Test
    void killedFourTimesTheTableHoldsEveryEventOnce() throws Exception {
        Path staging = dir.resolve("staging");
        List<Path> files = new ArrayList<>();
        for (EventClass c : EventClass.values()) {
            files.addAll(GeneratedRuns.write(staging, c, 90 + c.ordinal(), 1000, 250, 50));
        }
        Path in = Files.createDirectories(dir.resolve("in"));
        Path table = dir.resolve("events");
        Random random = new Random(13);
        int dropped = 0;
        for (int run = 0; run < KILLS; run++) {
            // a few more files arrive with each run
            for (int i = 0; i < 2; i++, dropped++) {
                TestInputs.drop(
                        files.get(dropped), in, files.get(dropped).getFileName().toString());
            }
            Path log = dir.resolve("run-" + run + ".log");
            Process p = startIngest(in, table, log);
            TestJobs.await(
                    "run " + run + " to start its job",
                    DEADLINE,
                    () -> Files.readString(log).contains("ingest: "));
            long before = TableRows.read(table).rows();
            TestJobs.await(
                    "run " + run + " to commit something",
                    DEADLINE,
                    () -> TableRows.read(table).rows() > before);
            Thread.sleep(random.nextInt(2500));
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(List.of(), TableRows.read(table).duplicates(), "after kill " + (run + 1));
        }
        while (dropped < files.size()) {
            TestInputs.drop(
                    files.get(dropped), in, files.get(dropped).getFileName().toString());
            dropped++;
        }
        // what a crash while a checkpoint is written leaves: a chk-N folder without its metadata; and, whatever
        // the kills above left, an in-progress part file of a run that died an hour ago
        Path someJob = Files.list(table.resolve("_checkpoints")).findFirst().orElseThrow();
        Path incomplete = Files.createDirectories(someJob.resolve("chk-9999"));
        Files.writeString(incomplete.resolve("half-written"), "x");
        Path partition = Files.list(table.resolve("sample=qcd")).findFirst().orElseThrow();
        Path orphan = Files.writeString(partition.resolve(".part-0-0.parquet.inprogress.0000"), "half a part file");
        Files.setLastModifiedTime(
                orphan, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        long leftByKills = staleInProgress(table, System.currentTimeMillis()).size() - 1;
        long finalStart = System.currentTimeMillis();
        Path log = dir.resolve("final.log");
        Process last = startIngest(in, table, log);
        try {
            TestJobs.await(
                    "the final run to resume",
                    DEADLINE,
                    () -> Files.readString(log).contains("resuming from"));
            TestJobs.await("every event", DEADLINE, () -> TableRows.read(table).rows() == 3000);
            TestJobs.await(
                    "the in-progress files of the killed runs to be deleted",
                    DEADLINE,
                    () -> staleInProgress(table, finalStart).isEmpty());
        } finally {
            last.destroy();
            last.waitFor(30, TimeUnit.SECONDS);
        }
        String finalLog = Files.readString(log);
        assertTrue(finalLog.contains("resuming from"), "the same command resumed by itself:\n" + finalLog);
        assertFalse(Files.exists(incomplete), "incomplete checkpoint folders are deleted");
        assertFalse(
                Files.exists(orphan),
                "in-progress files of dead runs are deleted (" + leftByKills + " left by the kills)");

        TableRows t = TableRows.read(table);
        assertEquals(Map.of("qcd", 1000L, "ttbar", 1000L, "wjets", 1000L), t.rowsBySample());
        assertEquals(List.of(), t.duplicates());
        var columns = TestInputs.settings(in, table).toConfig().columns();
        for (EventClass c : EventClass.values()) {
            List<Path> ofClass = files.stream()
                    .filter(f -> f.getFileName().toString().startsWith(c.id() + "_"))
                    .toList();
            assertEquals(RootChecksums.of(ofClass, "Delphes", columns), t.checksums(c.id()), c.id());
        }
        assertEquals(List.of(), Quarantine.read(table.resolve("_quarantine")));
    }

    /** The CLI in a JVM of its own, with this JVM's classpath and module flags. */
    private Process startIngest(Path in, Path table, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-D") && !arg.startsWith("-Dsurefire")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), IngestCli.class.getName()));
        cmd.addAll(List.of(
                "ingest",
                "--input",
                in.toString(),
                "--output",
                table.toString(),
                "--chunk-events",
                "50",
                "--checkpoint-interval",
                "500ms",
                "--discovery-interval",
                "300ms",
                "--parallelism",
                "2"));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Hidden in-progress part files written before {@code since}: left by a killed run. */
    private static List<Path> staleInProgress(Path table, long since) throws Exception {
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> !p.toString().contains("/_checkpoints/"))
                    .filter(p -> p.getFileName().toString().startsWith(".")
                            && p.getFileName().toString().contains(".inprogress."))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis() < since;
                        } catch (java.io.IOException gone) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
