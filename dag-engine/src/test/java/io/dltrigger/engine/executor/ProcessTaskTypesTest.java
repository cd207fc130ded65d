package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * java, spark (client mode) and flink (local) tasks start a stage module as a child JVM from its
 * target/launch.env, target/*.jar and target/lib, exactly as bin/dltrigger does. The module here is a
 * real jar built by the test around {@link PropsProbe}.
 */
class ProcessTaskTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** A stage module as the parent pom packages one: target/NAME.jar, target/lib/, target/launch.env. */
    private void buildModule() throws Exception {
        Path target = Files.createDirectories(home.resolve("probe-module/target"));
        Files.createDirectories(target.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target.resolve("probe-module-1.0.jar")))) {
            for (Class<?> c : List.of(PropsProbe.class, StreamProbe.class)) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (var in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        Files.writeString(
                target.resolve("launch.env"),
                "JVM_FLAGS=\"-XX:+IgnoreUnrecognizedVMOptions -Dprobe.flag=from-launch-env\"\n" + "MAIN_CLASS=\""
                        + PropsProbe.class.getName() + "\"\nMODULE_JAR=\"probe-module-1.0.jar\"\n");
    }

    @Test
    void aStreamingFlinkJobRunningIsSuccessAndADeathRestartsItFromTheLatestCheckpoint() throws Exception {
        buildModule();
        Path starts = home.resolve("starts");
        Path ckpt = home.resolve("ckpt");
        Files.createDirectories(ckpt.resolve("job1/chk-3"));
        Files.writeString(ckpt.resolve("job1/chk-3/_metadata"), "x");
        Files.createDirectories(ckpt.resolve("job1/chk-9")); // not retained: no _metadata
        List<Long> pids = new java.util.ArrayList<>();
        try (EngineFixture f = new EngineFixture(home, 2, Map.of())) {
            f.register(DagBuilder.dag("stream")
                            .task(
                                    "ingest",
                                    new TaskAction.Flink(
                                            "probe-module",
                                            StreamProbe.class.getName(),
                                            List.of(starts.toString(), "--watch"),
                                            "local",
                                            0,
                                            Map.of(),
                                            new TaskAction.Streaming(
                                                    java.time.Duration.ofSeconds(1),
                                                    ckpt.toString(),
                                                    "--from-checkpoint",
                                                    3)))
                            .task("after", new TaskAction.Noop(), t -> t.dependsOn("ingest"))
                            .build())
                    .start();
            try {
                DagRun run = f.runToEnd("stream", Map.of());
                assertEquals(RunState.SUCCESS, run.state(), "running is success");
                long pid = f.task(run.id(), "ingest").pid();
                pids.add(pid);
                assertTrue(
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                        "the job keeps running after its task succeeded");
                assertEquals(List.of(starts + " --watch"), Files.readAllLines(starts));

                Files.writeString(ckpt.resolve("job1/chk-9/_metadata"), "y"); // a newer checkpoint is retained
                ProcessHandle.of(pid)
                        .ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly)); // the job's JVM dies
                EngineFixture.await(
                        "the supervisor to restart the job",
                        java.time.Duration.ofSeconds(60),
                        () -> lines(starts).size() == 2);
                assertEquals(
                        starts + " --watch --from-checkpoint " + ckpt.resolve("job1/chk-9"),
                        lines(starts).get(1));
                EngineFixture.await(
                        "the restart to be recorded",
                        java.time.Duration.ofSeconds(30),
                        () -> f.task(run.id(), "ingest").message().contains("restarts 1"));
                long restarted = f.task(run.id(), "ingest").pid();
                pids.add(restarted);
                assertTrue(
                        ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false));
                assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "the dead job's wrapper is gone");
            } finally {
                f.close(); // stop supervising first, then stop the job
                pids.forEach(p -> io.dltrigger.engine.launch.ProcessTree.kill(p, java.time.Duration.ofMillis(200)));
            }
        }
    }

    @Test
    void eachCheckpointOfASupervisedJobIsAnEventOfTheAssetsItsTaskUpdates() throws Exception {
        buildModule();
        Path ckpt = home.resolve("ckpt");
        List<Long> pids = new java.util.ArrayList<>();
        try (EngineFixture f = new EngineFixture(home, 2, Map.of())) {
            f.register(DagBuilder.dag("stream")
                            .task(
                                    "ingest",
                                    new TaskAction.Flink(
                                            "probe-module",
                                            StreamProbe.class.getName(),
                                            List.of(home.resolve("starts").toString()),
                                            "local",
                                            0,
                                            Map.of(),
                                            new TaskAction.Streaming(
                                                    java.time.Duration.ofSeconds(1), ckpt.toString(), "--from", 3)),
                                    t -> t.outlets(List.of("events")))
                            .build())
                    .start();
            try {
                DagRun run = f.runToEnd("stream", Map.of());
                pids.add(f.task(run.id(), "ingest").pid());
                assertEquals(0, f.service().asset("events", 10).events().size(), "running is not a commit");
                for (int n = 1; n <= 2; n++) {
                    Files.createDirectories(ckpt.resolve("job/chk-" + n));
                    Files.writeString(ckpt.resolve("job/chk-" + n + "/_metadata"), "x"); // Flink completed a checkpoint
                    int expected = n;
                    EngineFixture.await(
                            "event " + n,
                            java.time.Duration.ofSeconds(30),
                            () -> f.service().asset("events", 10).events().size() == expected);
                }
                var events = f.service().asset("events", 10).events();
                assertEquals(
                        List.of("commit", "commit"),
                        events.stream().map(e -> e.kind()).toList());
                assertEquals(
                        ckpt.resolve("job/chk-2").toString(),
                        JSON.readTree(events.get(0).metadata()).get("commit").asText(),
                        "newest first");
                assertEquals("ingest", events.get(0).taskId());
            } finally {
                f.close();
                pids.forEach(p -> io.dltrigger.engine.launch.ProcessTree.kill(p, java.time.Duration.ofMillis(200)));
            }
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readAllLines(p) : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Test
    void javaSparkAndFlinkTasksRunTheModuleInAChildJvm() throws Exception {
        buildModule();
        try (EngineFixture f = new EngineFixture(home, 3, Map.of())) {
            f.register(DagBuilder.dag("stages")
                            .param("n", 7)
                            .task(
                                    "java",
                                    new TaskAction.Java(
                                            "probe-module",
                                            null,
                                            List.of("tune", "--points", "{{ params.n }}"),
                                            List.of("-Xmx96m"),
                                            Map.of()))
                            .task(
                                    "spark",
                                    new TaskAction.Spark(
                                            "probe-module",
                                            null,
                                            List.of("features", "{{ ds }}"),
                                            "local[2]",
                                            "client",
                                            Map.of("spark.executor.memory", "1g"),
                                            "128m",
                                            Map.of()))
                            .task(
                                    "flink",
                                    new TaskAction.Flink(
                                            "probe-module", null, List.of("ingest"), "local", 0, Map.of(), null))
                            .task("missing", new TaskAction.Java("not-built", null, List.of(), List.of(), Map.of()))
                            .build())
                    .start();
            DagRun run = f.runToEnd("stages", Map.of());
            assertEquals(RunState.FAILED, run.state(), "the task of an unbuilt module fails the run");
            assertTrue(
                    f.task(run.id(), "missing").message().contains("module 'not-built' is not built"),
                    f.task(run.id(), "missing").message());

            JsonNode java = JSON.readTree(f.task(run.id(), "java").output());
            assertEquals(List.of("tune", "--points", "7"), strings(java.get("args")));
            assertEquals("from-launch-env", java.get("probe.flag").asText(), "the module's JVM flags apply");
            assertTrue(java.get("max_heap_mb").asInt() <= 96, "jvm_opts apply");
            assertEquals(home.toString(), java.get("dltrigger.home").asText());

            JsonNode spark = JSON.readTree(f.task(run.id(), "spark").output());
            assertEquals("local[2]", spark.get("spark.master").asText());
            assertEquals("client", spark.get("spark.submit.deployMode").asText());
            assertEquals("1g", spark.get("spark.executor.memory").asText());
            assertTrue(spark.get("max_heap_mb").asInt() <= 128, "driver_memory sets the driver's heap");
            assertEquals("features", spark.get("args").get(0).asText());

            JsonNode flink = JSON.readTree(f.task(run.id(), "flink").output());
            assertEquals(List.of("ingest"), strings(flink.get("args")));
        }
    }

    @Test
    void higherPriorityTasksGoFirstWhenWorkersAreScarce(@TempDir Path dir) throws Exception {
        Path order = dir.resolve("order");
        DagBuilder b = DagBuilder.dag("prio").task("gate", new TaskAction.Noop());
        int[] priorities = {1, 5, 3, 4, 2};
        for (int p : priorities) {
            b.task(
                    "p" + p,
                    new TaskAction.Shell("echo p" + p + " >> " + order, Map.of()),
                    t -> t.dependsOn("gate").priority(p));
        }
        try (EngineFixture f = new EngineFixture(dir, 1, Map.of())) {
            f.register(b.build()).start();
            assertEquals(RunState.SUCCESS, f.runToEnd("prio", Map.of()).state());
        }
        assertEquals(List.of("p5", "p4", "p3", "p2", "p1"), Files.readAllLines(order));
    }

    private static List<String> strings(JsonNode arr) {
        return java.util.stream.StreamSupport.stream(arr.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
