package io.dltrigger.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.auth.ForbiddenException;
import io.dltrigger.engine.auth.Tokens;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.metrics.EngineMetrics;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.service.EngineService;
import io.dltrigger.engine.store.LeaseLostException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API (JSON), the web UI (a static page over that API) and the Prometheus endpoint, served by one
 * embedded Javalin server. Every route but the health probe needs an API token ({@link RequestGuard}); what a
 * token's role may do is the service's to decide. Every route is a thin call into {@link EngineService}.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Javalin app;
    private final HttpSettings settings;

    /** {@code demoted}: true once this process's engine lost its lease (the probe then answers 503). */
    public RestServer(EngineService service, EngineMetrics metrics, HttpSettings settings, BooleanSupplier demoted) {
        this.settings = settings;
        List<String> hosts = new ArrayList<>(settings.allowedHosts());
        if (!isWildcard(settings.bind())) {
            hosts.add(settings.bind()); // a request naming the address it reached, not a name a page controls
        }
        RequestGuard guard = new RequestGuard(hosts, service::authenticate);
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            if (settings.tls() != null) {
                cfg.jetty.addConnector((server, http) -> tlsConnector(server, http, settings));
            }
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header(
                    "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Cache-Control", "no-store");
            guard.check(ctx);
        });
        app.get("/health", ctx -> {
            boolean down = demoted.getAsBoolean();
            ctx.status(down ? 503 : 200);
            send(ctx, Views.JSON.createObjectNode().put("status", down ? "demoted" : "ok"));
        });
        app.get("/api/whoami", ctx -> {
            Caller c = RequestGuard.caller(ctx);
            send(
                    ctx,
                    Views.JSON
                            .createObjectNode()
                            .put("name", c.name())
                            .put("role", c.role().fileName()));
        });
        app.get(
                "/api/dags",
                ctx -> send(ctx, array(service.dags().stream().map(Views::dag).toList())));
        app.get(
                "/api/dag-errors",
                ctx -> send(
                        ctx,
                        array(service.dagErrors().stream().map(Views::error).toList())));
        app.get("/api/dags/{id}", ctx -> send(ctx, Views.dagDetail(service.dag(ctx.pathParam("id")))));
        app.post("/api/dags/{id}/trigger", ctx -> {
            DagRun r = service.trigger(RequestGuard.caller(ctx), ctx.pathParam("id"), params(body(ctx)));
            ctx.status(201);
            send(ctx, Views.run(r));
        });
        app.post("/api/dags/{id}/backfill", ctx -> {
            JsonNode b = body(ctx);
            List<DagRun> runs = service.backfill(
                    RequestGuard.caller(ctx),
                    ctx.pathParam("id"),
                    LocalDate.parse(required(b, "from")),
                    LocalDate.parse(required(b, "to")),
                    b.path("parallel").asInt(1),
                    params(b));
            ctx.status(201);
            send(ctx, array(runs.stream().map(Views::run).toList()));
        });
        app.post("/api/dags/{id}/pause", ctx -> {
            service.pause(RequestGuard.caller(ctx), ctx.pathParam("id"), true);
            ctx.status(204);
        });
        app.post("/api/dags/{id}/unpause", ctx -> {
            service.pause(RequestGuard.caller(ctx), ctx.pathParam("id"), false);
            ctx.status(204);
        });
        app.get(
                "/api/runs",
                ctx -> send(
                        ctx,
                        array(service.runs(ctx.queryParam("dag"), limit(ctx, 50)).stream()
                                .map(Views::run)
                                .toList())));
        app.get("/api/runs/{id}", ctx -> send(ctx, Views.run(service.run(id(ctx)))));
        app.get(
                "/api/runs/{id}/tasks",
                ctx -> send(
                        ctx,
                        array(service.tasks(id(ctx)).stream()
                                .map(t -> Views.task(t, service.progress(t)))
                                .toList())));
        app.get(
                "/api/runs/{id}/tries",
                ctx -> send(
                        ctx,
                        array(service.runTries(id(ctx)).stream()
                                .map(Views::tryView)
                                .toList())));
        app.get("/api/tasks/{id}", ctx -> {
            TaskInstance t = service.task(id(ctx));
            send(ctx, Views.task(t, service.progress(t)));
        });
        app.get(
                "/api/tasks/{id}/tries",
                ctx -> send(
                        ctx,
                        array(service.tries(id(ctx)).stream()
                                .map(Views::tryView)
                                .toList())));
        app.get("/api/tasks/{id}/log", ctx -> {
            String t = ctx.queryParam("try");
            ctx.contentType("text/plain; charset=utf-8")
                    .result(service.log(id(ctx), t == null ? null : Integer.parseInt(t)));
        });
        app.post("/api/tasks/{id}/clear", ctx -> {
            service.clear(RequestGuard.caller(ctx), id(ctx));
            ctx.status(204);
        });
        app.get(
                "/api/audit",
                ctx -> send(
                        ctx,
                        array(service.audit(limit(ctx, 100)).stream()
                                .map(Views::audit)
                                .toList())));
        app.get(
                "/api/tokens",
                ctx -> send(
                        ctx,
                        array(service.tokens(RequestGuard.caller(ctx)).stream()
                                .map(Views::token)
                                .toList())));
        app.post("/api/tokens", ctx -> {
            JsonNode b = body(ctx);
            Tokens.Made made = service.createToken(
                    RequestGuard.caller(ctx),
                    required(b, "name"),
                    Role.parse(b.path("role").asText("viewer")));
            ctx.status(201);
            send(ctx, Views.token(made.token()).put("token", made.secret()));
        });
        app.delete("/api/tokens/{id}", ctx -> {
            service.revokeToken(RequestGuard.caller(ctx), id(ctx));
            ctx.status(204);
        });
        app.get("/api/tasks/{id}/artifacts/{name}", ctx -> {
            EngineService.Artifact artifact =
                    service.artifact(Long.parseLong(ctx.pathParam("id")), ctx.pathParam("name"));
            // a task's file is shown, never run: no scripts, no requests, images only as data: URIs
            ctx.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(artifact.contentType())
                    .result(java.nio.file.Files.readAllBytes(artifact.file()));
        });
        app.get(
                "/api/assets",
                ctx -> send(
                        ctx, array(service.assets().stream().map(Views::asset).toList())));
        app.get("/api/assets/{name}", ctx -> send(ctx, Views.assetDetail(service.asset(ctx.pathParam("name"), 50))));
        app.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
        app.exception(RequestGuard.Refusal.class, (e, ctx) -> problem(ctx, e.status, e.getMessage()));
        app.exception(ForbiddenException.class, (e, ctx) -> problem(ctx, 403, e.getMessage()));
        app.exception(LeaseLostException.class, (e, ctx) -> problem(ctx, 503, e.getMessage()));
        app.exception(NoSuchElementException.class, (e, ctx) -> problem(ctx, 404, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        app.exception(java.time.format.DateTimeParseException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> problem(ctx, 409, e.getMessage()));
    }

    /**
     * Starts serving and returns the port. Refuses a non-loopback address without TLS unless told
     * ({@code insecure_bind}), and warns when told.
     */
    public int start() {
        if (!loopback(settings.bind()) && settings.tls() == null) {
            if (!settings.insecureBind()) {
                throw new IllegalStateException("refusing to listen on " + settings.bind()
                        + " without TLS: API tokens would cross the network in clear text. Configure http.tls,"
                        + " or bind 127.0.0.1, or pass --insecure-bind (http.insecure_bind) if something else"
                        + " encrypts the traffic");
            }
            LOG.warn(
                    "listening on {} WITHOUT TLS (--insecure-bind): API tokens cross the network in clear text",
                    settings.bind());
        }
        if (settings.tls() == null) {
            app.start(settings.bind(), settings.port());
        } else {
            app.start();
        }
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static ServerConnector tlsConnector(
            org.eclipse.jetty.server.Server server, HttpConfiguration http, HttpSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(settings.tls().keystore().toString());
        ssl.setKeyStorePassword(settings.tls().password());
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer());
        ServerConnector c = new ServerConnector(
                server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(settings.bind());
        c.setPort(settings.port());
        return c;
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address '" + address + "'", e);
        }
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: '" + ctx.pathParam("id") + "'");
        }
    }

    private static int limit(Context ctx, int dflt) {
        String l = ctx.queryParam("limit");
        return l == null ? dflt : Math.max(1, Math.min(1000, Integer.parseInt(l)));
    }

    private static void send(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    private static void problem(Context ctx, int status, String message) {
        ObjectNode o = Views.JSON.createObjectNode().put("error", message);
        ctx.status(status);
        send(ctx, o);
    }

    private static ArrayNode array(List<? extends JsonNode> items) {
        ArrayNode a = Views.JSON.createArrayNode();
        a.addAll(items);
        return a;
    }

    private static JsonNode body(Context ctx) {
        String b = ctx.body();
        if (b.isBlank()) {
            return Views.JSON.createObjectNode();
        }
        try {
            return Views.JSON.readTree(b);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("request body is not JSON: " + e.getMessage());
        }
    }

    private static String required(JsonNode b, String field) {
        if (!b.hasNonNull(field)) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return b.get(field).asText();
    }

    /** {@code {"params": {"k": v}}}: each value as given, to be checked against its parameter's type. */
    private static Map<String, JsonNode> params(JsonNode b) {
        JsonNode p = b.path("params");
        if (!p.isMissingNode() && !p.isObject()) {
            throw new IllegalArgumentException("'params' must be an object of parameter values");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        p.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
