package io.dltrigger.bench.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.http.RestServer;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The engine's scheduling-overhead benchmark, durable state on (an H2 file, every transition committed and fenced
 * by the engine lease's epoch), runs triggered over the REST API with an API token as a user does: (a) 40
 * sequential no-op tasks, in process and as child processes; (b) a 1,000-task fan-out/fan-in with 8 workers;
 * (c) start latency of a child-JVM task against a bare {@code java} launch measured in the same run; (d) the cost
 * of authentication per request: an authenticated route against the health probe, which checks no token.
 */
@Command(
        name = "bench-engine",
        mixinStandardHelpOptions = true,
        description = "Scheduling overhead benchmark (see bench/engine.sh).")
public final class EngineBench implements Callable<Integer> {
    /** The module whose jar holds {@link StartProbe}: the child JVM that the java task starts. */
    private static final String MODULE = "bench/engine";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--work", description = "scratch folder (default: a temporary one)")
    Path work;

    @Option(
            names = "--fanout",
            defaultValue = "1000",
            description = "width of benchmark (b) (default: ${DEFAULT-VALUE})")
    int fanout;

    @Option(names = "--workers", defaultValue = "8", description = "workers for (b) (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(
            names = "--repeat",
            defaultValue = "3",
            description = "repetitions, best reported (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--home", description = "project root (for the child-JVM task of (c))")
    Path home;

    @Option(names = "--db", description = "JDBC URL of the state database (default: an H2 file in the scratch folder)")
    String db;

    @Option(names = "--db-user", defaultValue = "sa", description = "database user (default: ${DEFAULT-VALUE})")
    String dbUser;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("dltrigger-bench-engine");
        Path root = home != null
                ? home
                : Path.of(System.getProperty("dltrigger.home", "."))
                        .toAbsolutePath()
                        .normalize();
        int cores = Runtime.getRuntime().availableProcessors();
        EngineConfig cfg = EngineConfig.defaults(root)
                .withDagsDir(null)
                .withLogsDir(dir.resolve("logs"))
                .withWorkers(workers)
                .withPollInterval(Duration.ofSeconds(1));
        String url = db != null ? db : JdbcStore.h2FileUrl(dir.resolve("state"));
        System.out.printf("cores: %d, state: %s, workers: %d%n", cores, url, workers);
        try (EngineRuntime rt = EngineRuntime.open(
                        cfg, url, dbUser, System.getenv().getOrDefault("DLTRIGGER_DB_PASSWORD", ""), true);
                RestServer server = new RestServer(rt.service(), rt.metrics(), HttpSettings.loopback(), rt::demoted)) {
            Rest rest = new Rest(
                    "http://127.0.0.1:" + server.start(),
                    rt.service()
                            .createToken(Caller.local(), "bench", Role.OPERATOR)
                            .secret());
            DagBuilder seqNoop = DagBuilder.dag("seq_noop");
            DagBuilder seqShell = DagBuilder.dag("seq_shell");
            for (int i = 0; i < 40; i++) {
                String prev = i == 0 ? null : "t" + (i - 1);
                seqNoop.task("t" + i, new TaskAction.Noop(), t -> {
                    if (prev != null) t.dependsOn(prev);
                });
                seqShell.task("t" + i, new TaskAction.Shell("true", Map.of()), t -> {
                    if (prev != null) t.dependsOn(prev);
                });
            }
            DagBuilder fan = DagBuilder.dag("fan").task("start", new TaskAction.Noop());
            List<String> mids = new ArrayList<>();
            for (int i = 0; i < fanout; i++) {
                fan.task("m" + i, new TaskAction.Noop(), t -> t.dependsOn("start"));
                mids.add("m" + i);
            }
            fan.task("end", new TaskAction.Noop(), t -> t.dependsOn(mids));
            DagBuilder jvm = DagBuilder.dag("child_jvm")
                    .task(
                            "probe",
                            new TaskAction.Java(MODULE, StartProbe.class.getName(), List.of(), List.of(), Map.of()));
            rt.service().register(seqNoop.build());
            rt.service().register(seqShell.build());
            rt.service().register(fan.build());
            rt.service().register(jvm.build());
            rt.start();

            double a1 = best(rt, rest, "seq_noop", repeat);
            double a2 = best(rt, rest, "seq_shell", repeat);
            double floor = bareLaunches(40);
            System.out.printf(
                    "(a) 40 sequential no-op tasks, in process:      %.3f s  (goal < 0.5 s; Airflow 2.7 116 s, Prefect 2.14 4.9 s, Temporal 3.0 s, Hatchet 1.2 s)%n",
                    a1);
            System.out.printf(
                    "(a) 40 sequential tasks as child processes:     %.3f s  (goal < 5 s); anchor, 40 bare 'bash -c true' launches, no engine: %.3f s%n",
                    a2, floor);
            double b = best(rt, rest, "fan", repeat);
            double tps = (fanout + 2) / b;
            System.out.printf(
                    "(b) %d-task fan-out/fan-in, %d workers:        %.3f s = %.0f tasks/s = %.0f tasks/s per core (goal > 500 tasks/s)%n",
                    fanout + 2, workers, b, tps, tps / cores);
            if (Files.isRegularFile(root.resolve(MODULE + "/target/launch.env"))) {
                List<Long> engine = new ArrayList<>();
                for (int i = 0; i < Math.max(repeat, 5); i++) {
                    DagRun r = runOnce(rt, rest, "child_jvm");
                    TaskInstance t = rt.service().tasks(r.id()).get(0);
                    long main = JSON.readTree(t.output()).get("main_started_ms").asLong();
                    engine.add(main - t.startedAt().toEpochMilli());
                }
                List<Long> bare = new ArrayList<>();
                for (int i = 0; i < Math.max(repeat, 5); i++) {
                    bare.add(bareJvm(root));
                }
                System.out.printf(
                        "(c) child-JVM task start latency (try start -> main()): median %d ms; anchor, bare java launch -> main(): median %d ms%n",
                        median(engine), median(bare));
            } else {
                System.out.println("(c) skipped: " + MODULE + " is not packaged (mvn -pl " + MODULE + " -am package)");
            }
            int n = Math.max(200, 100 * repeat);
            rest.medianMicros("/health", false, 50); // warm-up
            rest.medianMicros("/api/whoami", true, 50);
            System.out.printf(
                    "(d) per request, median of %d: /api/whoami with its token checked %d us; anchor, /health (no token) %d us%n",
                    n, rest.medianMicros("/api/whoami", true, n), rest.medianMicros("/health", false, n));
        }
        return 0;
    }

    /** The REST API with a bearer token. */
    private record Rest(String base, String token) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        long trigger(String dag) throws Exception {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/dags/" + dag + "/trigger"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("trigger of " + dag + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("id").asLong();
        }

        long medianMicros(String path, boolean withToken, int n) throws Exception {
            List<Long> t = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
                if (withToken) {
                    b.header("Authorization", "Bearer " + token);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                t.add((System.nanoTime() - t0) / 1000);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + ": HTTP " + r.statusCode());
                }
            }
            return median(t);
        }
    }

    /** Best of n runs after one warm-up run (JIT, connection pool, file cache). */
    private static double best(EngineRuntime rt, Rest rest, String dag, int n) throws Exception {
        runOnce(rt, rest, dag);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            DagRun r = runOnce(rt, rest, dag);
            best = Math.min(best, Duration.between(r.createdAt(), r.endedAt()).toNanos() / 1e9);
        }
        return best;
    }

    /** Triggered over REST with the token; awaited in the store. */
    private static DagRun runOnce(EngineRuntime rt, Rest rest, String dag) throws Exception {
        DagRun r = rt.service().awaitRun(rest.trigger(dag), Duration.ofMinutes(10));
        if (r.state() != RunState.SUCCESS) {
            throw new IllegalStateException("benchmark run of " + dag + " ended " + r.state());
        }
        return r;
    }

    private static double bareLaunches(int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            new ProcessBuilder("bash", "-c", "true").start().waitFor();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long bareJvm(Path root) throws Exception {
        Path target = root.resolve(MODULE + "/target");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = Files.list(target)
                        .filter(p -> p.getFileName().toString().matches("bench-engine-.*\\.jar"))
                        .findFirst()
                        .orElseThrow()
                + ":" + target.resolve("lib") + "/*";
        long t0 = System.currentTimeMillis();
        Process p = new ProcessBuilder(java, "-XX:+IgnoreUnrecognizedVMOptions", "-cp", cp, StartProbe.class.getName())
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return JSON.readTree(out).get("main_started_ms").asLong() - t0;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
