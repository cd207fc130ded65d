package io.dltrigger.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.metrics.EngineMetrics;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.service.EngineService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The REST API (JSON), the web UI (a static page over that API) and the Prometheus endpoint, served by
 * one embedded Javalin server. Every route is a thin call into {@link EngineService}.
 */
public final class RestServer implements AutoCloseable {
    private final Javalin app;

    public RestServer(EngineService service, EngineMetrics metrics) {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.staticFiles.add("/web", Location.CLASSPATH);
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
            DagRun r = service.trigger(ctx.pathParam("id"), params(body(ctx)));
            ctx.status(201);
            send(ctx, Views.run(r));
        });
        app.post("/api/dags/{id}/backfill", ctx -> {
            JsonNode b = body(ctx);
            List<DagRun> runs = service.backfill(
                    ctx.pathParam("id"),
                    LocalDate.parse(required(b, "from")),
                    LocalDate.parse(required(b, "to")),
                    b.path("parallel").asInt(1),
                    params(b));
            ctx.status(201);
            send(ctx, array(runs.stream().map(Views::run).toList()));
        });
        app.post("/api/dags/{id}/pause", ctx -> {
            service.pause(ctx.pathParam("id"), true);
            ctx.status(204);
        });
        app.post("/api/dags/{id}/unpause", ctx -> {
            service.pause(ctx.pathParam("id"), false);
            ctx.status(204);
        });
        app.get(
                "/api/runs",
                ctx -> send(
                        ctx,
                        array(service
                                .runs(
                                        ctx.queryParam("dag"),
                                        Integer.parseInt(ctx.queryParamAsClass("limit", String.class)
                                                .getOrDefault("50")))
                                .stream()
                                .map(Views::run)
                                .toList())));
        app.get("/api/runs/{id}", ctx -> send(ctx, Views.run(service.run(Long.parseLong(ctx.pathParam("id"))))));
        app.get(
                "/api/runs/{id}/tasks",
                ctx -> send(
                        ctx,
                        array(service.tasks(Long.parseLong(ctx.pathParam("id"))).stream()
                                .map(t -> Views.task(t, service.progress(t)))
                                .toList())));
        app.get("/api/tasks/{id}", ctx -> {
            TaskInstance t = service.task(Long.parseLong(ctx.pathParam("id")));
            send(ctx, Views.task(t, service.progress(t)));
        });
        app.get(
                "/api/tasks/{id}/tries",
                ctx -> send(
                        ctx,
                        array(service.tries(Long.parseLong(ctx.pathParam("id"))).stream()
                                .map(Views::tryView)
                                .toList())));
        app.get("/api/tasks/{id}/log", ctx -> {
            String t = ctx.queryParam("try");
            ctx.contentType("text/plain; charset=utf-8")
                    .result(service.log(Long.parseLong(ctx.pathParam("id")), t == null ? null : Integer.parseInt(t)));
        });
        app.post("/api/tasks/{id}/clear", ctx -> {
            service.clear(Long.parseLong(ctx.pathParam("id")));
            ctx.status(204);
        });
        app.get("/api/tasks/{id}/artifacts/{name}", ctx -> {
            java.nio.file.Path file = service.artifact(Long.parseLong(ctx.pathParam("id")), ctx.pathParam("name"));
            // a task's file is shown, never run: no scripts, no requests, images only as data: URIs
            ctx.header("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(contentType(file.getFileName().toString()))
                    .result(java.nio.file.Files.readAllBytes(file));
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
        app.exception(NoSuchElementException.class, (e, ctx) -> problem(ctx, 404, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        app.exception(java.time.format.DateTimeParseException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> problem(ctx, 409, e.getMessage()));
    }

    /** Starts serving; port 0 picks a free one. Returns the port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return name.endsWith(".txt") || name.endsWith(".csv")
                ? "text/plain; charset=utf-8"
                : "application/octet-stream";
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

    /** {"params": {"k": v}}: values are passed on as JSON text. */
    private static Map<String, String> params(JsonNode b) {
        Map<String, String> out = new LinkedHashMap<>();
        b.path("params")
                .fields()
                .forEachRemaining(e -> out.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        return out;
    }
}
