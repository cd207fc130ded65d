package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskProgress;
import io.dltrigger.engine.service.EngineService;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a run until it ends, printing task state changes and, for each running task, its elapsed time and the
 * progress it reports ({@code $DLTRIGGER_PROGRESS}): on a terminal as a live line per running task, redrawn in
 * place; otherwise as a line whenever a task's progress changed, at most every {@link #QUIET} per task. Reads
 * the run from the engine in this process ({@code engine run}) or over REST ({@code trigger --follow}).
 */
final class RunProgress {
    private static final Duration QUIET = Duration.ofSeconds(10);

    /** A run as followed. */
    record Run(String state, Instant startedAt, Instant endedAt) {
        boolean finished() {
            return state.equals("success") || state.equals("failed");
        }
    }

    /** A task instance as followed; {@code progress} empty when it reports none. */
    record Task(
            long id,
            String label,
            String state,
            int tryNumber,
            Instant startedAt,
            Instant endedAt,
            String message,
            String progress) {}

    /** Where the run is read from. */
    interface Feed {
        Run run(long runId);

        List<Task> tasks(long runId);
    }

    /** The engine's service in this process. */
    static Feed feed(EngineService s) {
        return new Feed() {
            public Run run(long runId) {
                DagRun r = s.run(runId);
                return new Run(r.state().name().toLowerCase(), r.startedAt(), r.endedAt());
            }

            public List<Task> tasks(long runId) {
                List<Task> out = new ArrayList<>();
                for (TaskInstance t : s.tasks(runId)) {
                    out.add(new Task(
                            t.id(),
                            t.label(),
                            t.state().name().toLowerCase(),
                            t.tryNumber(),
                            t.startedAt(),
                            t.endedAt(),
                            t.message(),
                            s.progress(t).map(TaskProgress::describe).orElse("")));
                }
                return out;
            }
        };
    }

    /** A running engine's REST API. */
    static Feed feed(EngineClient client) {
        return new Feed() {
            public Run run(long runId) {
                JsonNode r = client.get("/api/runs/" + runId);
                return new Run(r.path("state").asText(), time(r, "started_at"), time(r, "ended_at"));
            }

            public List<Task> tasks(long runId) {
                List<Task> out = new ArrayList<>();
                for (JsonNode t : client.get("/api/runs/" + runId + "/tasks")) {
                    out.add(new Task(
                            t.path("id").asLong(),
                            t.path("label").asText(),
                            t.path("state").asText(),
                            t.path("try_number").asInt(),
                            time(t, "started_at"),
                            time(t, "ended_at"),
                            t.path("message").isNull()
                                    ? null
                                    : t.path("message").asText(),
                            t.path("progress").path("text").asText("")));
                }
                return out;
            }
        };
    }

    private static Instant time(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.get(field).asText()) : null;
    }

    private final Feed feed;
    private final PrintWriter out;
    private final boolean tty;
    private final Map<Long, String> seen = new HashMap<>();
    private final Map<Long, String> shown = new HashMap<>();
    private final Map<Long, Long> shownAt = new HashMap<>();
    private int liveLines;

    RunProgress(Feed feed, PrintWriter out, boolean tty) {
        this.feed = feed;
        this.out = out;
        this.tty = tty;
    }

    Run follow(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Run r = feed.run(runId);
            List<Task> tasks = feed.tasks(runId);
            clearLive();
            for (Task t : tasks) {
                boolean changed =
                        !(t.state() + "/" + t.tryNumber()).equals(seen.put(t.id(), t.state() + "/" + t.tryNumber()));
                boolean running = t.state().equals("running");
                if (changed && !running && !t.state().equals("none")) {
                    out.printf(
                            "  %-28s %-16s try %d %7s%s%n",
                            t.label(),
                            t.state(),
                            t.tryNumber(),
                            Tables.took(t.startedAt(), t.endedAt()),
                            t.message() == null ? "" : "  " + t.message());
                } else if (running && !tty) {
                    long now = System.nanoTime();
                    boolean quiet = now - shownAt.getOrDefault(t.id(), 0L) < QUIET.toNanos();
                    if (changed || (!t.progress().equals(shown.get(t.id())) && !quiet)) {
                        shown.put(t.id(), t.progress());
                        shownAt.put(t.id(), now);
                        out.printf(
                                "  %-28s running          try %d %7s%s%n",
                                t.label(),
                                t.tryNumber(),
                                Tables.took(t.startedAt(), null),
                                t.progress().isEmpty() ? "" : "  " + t.progress());
                    }
                }
            }
            if (tty) {
                for (Task t : tasks) {
                    if (t.state().equals("running")) {
                        out.printf(
                                "  \u25b6 %-26s running %7s  %s%n",
                                t.label(),
                                Tables.took(t.startedAt(), null),
                                t.progress().isEmpty() ? "try " + t.tryNumber() : t.progress());
                        liveLines++;
                    }
                }
            }
            out.flush();
            if (r.finished()) {
                clearLive();
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " still " + r.state() + " after " + timeout);
            }
            Thread.sleep(tty ? 250 : 1000);
        }
    }

    private void clearLive() {
        for (; liveLines > 0; liveLines--) {
            out.print("\u001b[1A\u001b[2K"); // cursor up, erase line: the live block is redrawn
        }
    }
}
