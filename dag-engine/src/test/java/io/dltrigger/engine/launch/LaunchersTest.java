package io.dltrigger.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchersTest {
    @TempDir
    Path dir;

    @Test
    void everyTaskTypeHasALauncherAndOnlyFlinkRestartsJobs() {
        Launchers all = Launchers.standard(Duration.ofSeconds(1)); // refuses a task type without a launcher
        assertTrue(all.restartStrategy("flink").isPresent());
        assertEquals(Optional.empty(), all.restartStrategy("shell"));
    }

    @Test
    void aTaskProcessNeverInheritsTheEnginesSecrets() {
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH", "/usr/bin",
                "DLTRIGGER_API_TOKEN", "t",
                "DLTRIGGER_DB_PASSWORD", "p",
                "DLTRIGGER_TLS_PASSWORD", "k",
                "DLTRIGGER_HOME", "/opt/dltrigger"));
        ProcessRunner.dropEngineSecrets(env);
        assertEquals(Map.of("PATH", "/usr/bin", "DLTRIGGER_HOME", "/opt/dltrigger"), env);
    }

    /**
     * A stage's class path is its jar and its libraries: those target/classpath lists (the container image, where
     * there is no target/lib), else target/lib's; a Spark driver's executors get it, and its JVM flags, unless the
     * task's conf sets them (a standalone worker has only Spark's jars).
     */
    @Test
    void aStagesClassPathComesFromItsListInTheImageAndReachesSparkExecutors() throws Exception {
        Path target = Files.createDirectories(dir.resolve("features/target"));
        Files.writeString(
                target.resolve("launch.env"),
                "JVM_FLAGS=\"--add-opens=java.base/java.nio=ALL-UNNAMED\"\nMAIN_CLASS=\"a.Main\"\nMODULE_JAR=\"features.jar\"\n");
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/b.jar"), "");
        Files.writeString(target.resolve("lib/a.jar"), "");
        assertEquals(
                target.resolve("features.jar") + ":" + target.resolve("lib/a.jar") + ":" + target.resolve("lib/b.jar"),
                ModuleLaunch.of(dir, "features").classpath());
        Files.writeString(target.resolve("classpath"), "/opt/dltrigger/jars/x.jar\n/opt/dltrigger/jars/y.jar\n");
        ModuleLaunch m = ModuleLaunch.of(dir, "features");
        assertEquals(
                target.resolve("features.jar") + ":/opt/dltrigger/jars/x.jar:/opt/dltrigger/jars/y.jar", m.classpath());

        SparkLauncher spark = new SparkLauncher(null);
        var vars = new ObjectMapper().createObjectNode();
        List<String> argv = spark.command(
                        new TaskAction.Spark(
                                "features",
                                null,
                                List.of(),
                                "spark://m:7077",
                                "client",
                                java.util.Map.of(),
                                null,
                                java.util.Map.of()),
                        vars,
                        dir)
                .argv();
        assertTrue(argv.contains("-Dspark.executor.extraClassPath=" + m.classpath()), argv.toString());
        assertTrue(
                argv.contains("-Dspark.executor.extraJavaOptions=--add-opens=java.base/java.nio=ALL-UNNAMED"),
                argv.toString());
        List<String> overridden = spark.command(
                        new TaskAction.Spark(
                                "features",
                                null,
                                List.of(),
                                "spark://m:7077",
                                "client",
                                java.util.Map.of("spark.executor.extraClassPath", "/elsewhere/*"),
                                null,
                                java.util.Map.of()),
                        vars,
                        dir)
                .argv();
        assertEquals(
                List.of("-Dspark.executor.extraClassPath=/elsewhere/*"),
                overridden.stream()
                        .filter(a -> a.startsWith("-Dspark.executor.extraClassPath="))
                        .toList(),
                "the task's conf wins");
    }

    @Test
    void aLocalSparkDriverNamesItsExecutorOnLoopbackUnlessTold() {
        assertEquals(
                java.util.Map.of("A", "1", "SPARK_LOCAL_IP", "127.0.0.1"),
                SparkLauncher.localIp("local[2]", java.util.Map.of("A", "1"), java.util.Map.of()));
        assertEquals(
                java.util.Map.of("SPARK_LOCAL_IP", "10.0.0.5"),
                SparkLauncher.localIp("local[*]", java.util.Map.of("SPARK_LOCAL_IP", "10.0.0.5"), java.util.Map.of()),
                "the DAG says otherwise");
        assertEquals(
                java.util.Map.of(),
                SparkLauncher.localIp("local", java.util.Map.of(), java.util.Map.of("SPARK_LOCAL_IP", "10.0.0.6")),
                "the engine's environment says otherwise (the child inherits it)");
        assertEquals(
                java.util.Map.of(),
                SparkLauncher.localIp("spark://master:7077", java.util.Map.of(), java.util.Map.of()),
                "a remote cluster must reach the driver: not ours to choose");
    }

    @Test
    void aFlinkJobRestartsFromTheNewestRetainedCheckpoint() throws Exception {
        FlinkLauncher flink = new FlinkLauncher(new ProcessRunner(Duration.ofSeconds(1)));
        Path ckpt = dir.resolve("ckpt");
        assertEquals(
                new RestartStrategy.Restart(List.of(), " (no checkpoint yet)"), flink.restart(job(ckpt.toString())));
        Files.createDirectories(ckpt.resolve("job/chk-3"));
        Files.writeString(ckpt.resolve("job/chk-3/_metadata"), "x");
        Files.setLastModifiedTime(ckpt.resolve("job/chk-3/_metadata"), FileTime.fromMillis(1_000_000));
        Files.createDirectories(ckpt.resolve("job/chk-9")); // not retained: no _metadata
        Files.createDirectories(ckpt.resolve("job/chk-5"));
        Files.writeString(ckpt.resolve("job/chk-5/_metadata"), "y");
        Files.setLastModifiedTime(ckpt.resolve("job/chk-5/_metadata"), FileTime.fromMillis(2_000_000));
        Path newest = ckpt.resolve("job/chk-5");
        assertEquals(
                new RestartStrategy.Restart(
                        List.of("--from-checkpoint", newest.toString()), " from checkpoint " + newest),
                flink.restart(job(ckpt.toString())));
    }

    @Test
    void aSensorPokesUntilItsFileExistsWithoutBlocking() throws Exception {
        Path flag = dir.resolve("flag");
        TryFiles files = TryFiles.of(dir.resolve("logs"), "d", "r", "wait", -1, 1, 1);
        TryStart start = new TryStart(
                null, null, files, new ObjectMapper().createObjectNode(), dir, new Cancellation(), (pid, t) -> {});
        Work work = new SensorLauncher()
                .prepare(new TaskAction.Sensor(flag.toString(), null, null, null, Duration.ofSeconds(7)), start);
        Work.Polling polling = assertInstanceOf(Work.Polling.class, work);
        assertEquals(Duration.ofSeconds(7), polling.interval());
        assertEquals(Optional.empty(), polling.poke().get());
        Files.writeString(flag, "");
        assertEquals(Optional.of(Outcome.succeeded(null, null)), polling.poke().get());
        assertTrue(Files.readString(files.logFile()).contains("sensor wait poking every PT7S"));
    }

    private static SupervisedJob job(String checkpointDir) {
        return new SupervisedJob(
                1,
                "d",
                "ingest",
                "flink",
                SupervisedJob.State.RUNNING,
                1,
                null,
                0,
                3,
                "{\"argv\": [\"java\"], \"env\": {}}",
                checkpointDir,
                "--from-checkpoint",
                "/tmp/x.log");
    }
}
