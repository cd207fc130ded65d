package io.dltrigger.engine.cli;

import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.http.RestServer;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
import io.dltrigger.engine.store.jdbc.H2TcpServer;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
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
            description = "Scheduler and workers, with the REST API, web UI and /metrics (API tokens required; the"
                    + " first start writes an admin token to HOME/data/engine/admin.token, mode 0600).")
    static final class Server implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Option(names = "--port", description = "HTTP port (default: http.port, 8080; 0 picks one)")
        Integer port;

        @Option(names = "--bind", description = "address to listen on (default: http.bind, 127.0.0.1)")
        String bind;

        @Option(
                names = "--insecure-bind",
                description = "allow a non-loopback --bind without TLS (http.tls): tokens would cross the network in"
                        + " clear text")
        boolean insecureBind;

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
            Settings s = conn.settings();
            HttpSettings h = s.http();
            h = new HttpSettings(
                    bind != null ? bind : h.bind(),
                    port != null ? port : h.port(),
                    h.allowedHosts(),
                    h.tls(),
                    insecureBind || h.insecureBind());
            EngineRuntime rt = conn.open(!noScheduler);
            H2TcpServer h2 = null;
            RestServer http = null;
            try {
                if (!noScheduler) {
                    rt.start();
                }
                rt.service().ensureAdminToken(s.adminTokenFile(), System.getenv("DLTRIGGER_API_TOKEN"));
                h2 = serveH2(s);
                http = new RestServer(rt.service(), rt.metrics(), h, rt::demoted);
                int p = http.start();
                System.out.println("dltrigger engine: " + (h.tls() == null ? "http" : "https") + "://" + h.bind() + ":"
                        + p + "/  (state: " + JdbcStore.redacted(s.dbUrl()) + "; admin token: " + s.adminTokenFile()
                        + ")");
            } catch (RuntimeException e) {
                close(http, h2, rt);
                throw e;
            }
            RestServer started = http;
            H2TcpServer served = h2;
            return blockUntilStopped(() -> close(started, served, rt));
        }
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true, description = "Scheduler and workers without HTTP.")
    static final class Scheduler implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Override
        public Integer call() throws Exception {
            Settings s = conn.settings();
            EngineRuntime rt = conn.open(true).start();
            H2TcpServer h2 = serveH2(s);
            System.out.println("dltrigger scheduler running (state: " + JdbcStore.redacted(s.dbUrl()) + ")");
            return blockUntilStopped(() -> close(null, h2, rt));
        }
    }

    /** With {@code db.h2_tcp_port}, the engine's H2 file served to this machine's other processes (127.0.0.1). */
    private static H2TcpServer serveH2(Settings s) {
        if (s.h2TcpPort() <= 0 || !s.dbUrl().startsWith("jdbc:h2:file:")) {
            return null;
        }
        H2TcpServer server = H2TcpServer.start(s.h2TcpPort());
        System.out.println("H2 database served on 127.0.0.1:" + server.port() + " (password in "
                + s.stateDir().resolve("db.password") + "): jdbc:h2:tcp://127.0.0.1:" + server.port() + "/"
                + s.stateDir().resolve("state"));
        return server;
    }

    private static void close(RestServer http, H2TcpServer h2, EngineRuntime rt) {
        if (http != null) {
            http.close();
        }
        rt.close();
        if (h2 != null) {
            h2.close();
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
            try (EngineRuntime rt = conn.open(true)) { // takes the lease first: a refused run changes nothing
                EngineService s = rt.service();
                DagRun run = s.trigger(dagId, params);
                rt.startOnly(run.id());
                PrintWriter out = spec.commandLine().getOut();
                out.println("run " + run.id() + " (" + run.runKey() + ") of " + dagId);
                out.flush();
                RunProgress.Run done = new RunProgress(RunProgress.feed(s), out, System.console() != null)
                        .follow(run.id(), io.dltrigger.engine.model.Durations.parse(timeout));
                out.println("run " + run.id() + ": " + done.state() + " in "
                        + Tables.took(done.startedAt(), done.endedAt()));
                out.flush();
                return done.state().equals("success") ? 0 : 1;
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
