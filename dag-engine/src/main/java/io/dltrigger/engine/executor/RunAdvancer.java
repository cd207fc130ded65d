package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TriggerRule;
import io.dltrigger.engine.template.Template;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what happens next in a run, from its DAG and the states of its task instances: which instances
 * are ready, which are skipped or fail because of their upstreams (Airflow's trigger rules), when a mapped
 * task expands, how a try's outcome changes its instance (retry with backoff, or not), and when the run is
 * over. A pure function of its arguments: no store, no processes, no clock (the time is an argument), so
 * that every rule is tested with plain values. The coordinator carries the decisions out.
 */
final class RunAdvancer {
    private final Path home;

    /** {@code home}: the project root, a template variable of {@code map_over} expressions. */
    RunAdvancer(Path home) {
        this.home = home;
    }

    /** A decision about one task instance. */
    sealed interface Decision {
        /** The instance may run: it waits for a worker (state {@code SCHEDULED}, in memory only). */
        record Ready(TaskInstance instance) implements Decision {}

        /** The instance is over without a try: skipped, upstream failed, or a {@code map_over} that failed. */
        record End(TaskInstance instance) implements Decision {}

        /** A mapped task expands: its parent, now MAPPED, and its mapped instances, to be stored. */
        record Expand(TaskInstance parent, List<TaskInstance> mapped) implements Decision {}
    }

    /**
     * What to do in a run now.
     *
     * @param wakeAt when to look again for a reason other than a try ending (a retry's delay); null for none
     * @param finished the run's final state once every instance is over; null while it goes on
     */
    record Plan(List<Decision> decisions, Instant wakeAt, RunState finished) {}

    /** How a try's outcome leaves its instance, and the state of the try itself (SUCCESS or FAILED). */
    record Settled(TaskInstance instance, TaskState tryState) {}

    /**
     * What to do in {@code run} now. Decisions are made in the DAG's topological order, each seeing the ones
     * before it (a failure skips a whole downstream chain in one plan). A timed-out run gets no new work; it
     * is over once its running tries have ended.
     */
    Plan advance(DagRun run, RunInstances current, boolean timedOut, Instant now) {
        Pass pass = new Pass(current);
        Instant wakeAt = null;
        if (!timedOut) {
            for (TaskSpec spec : current.dag().tasks()) {
                TaskInstance p = pass.now.parent(spec.id());
                if (p.state() == TaskState.NONE) {
                    String notChosen = pass.now.isBranchChild(spec.id()) ? notChosenBy(pass.now, spec) : null;
                    if (notChosen != null) {
                        pass.end(p.ended(TaskState.SKIPPED, "not chosen by branch " + notChosen, now));
                        continue;
                    }
                    switch (spec.triggerRule().decide(upstream(pass.now, spec))) {
                        case WAIT -> {
                            continue;
                        }
                        case SKIP ->
                            pass.end(p.ended(
                                    TaskState.SKIPPED,
                                    "skipped by trigger rule "
                                            + spec.triggerRule().fileName(),
                                    now));
                        case UPSTREAM_FAILED ->
                            pass.end(p.ended(TaskState.UPSTREAM_FAILED, "an upstream task failed", now));
                        case RUN -> {
                            if (spec.mapped()) {
                                expand(pass, run, spec, p, now);
                                continue; // its mapped instances are ready once stored: the next plan says so
                            }
                            pass.ready(p);
                        }
                    }
                }
                for (TaskInstance ti : pass.now.instancesOf(spec.id())) {
                    if (ti.state() == TaskState.NONE && ti.mapIndex() >= 0) {
                        pass.ready(ti);
                    } else if (ti.state() == TaskState.UP_FOR_RETRY) {
                        if (ti.nextTryAt() == null || !now.isBefore(ti.nextTryAt())) {
                            pass.ready(ti);
                        } else if (wakeAt == null || ti.nextTryAt().isBefore(wakeAt)) {
                            wakeAt = ti.nextTryAt();
                        }
                    }
                }
            }
        }
        return new Plan(List.copyOf(pass.decisions), wakeAt, finalState(pass.now, timedOut));
    }

    /**
     * A try ended: its instance succeeds, waits for a retry (the retry policy's backoff), or fails. A failure
     * a retry can't fix, or any failure in a timed-out run, is final.
     */
    Settled settle(RunInstances run, TaskInstance ti, Outcome outcome, boolean runTimedOut, Instant now) {
        TaskSpec spec = run.spec(ti.taskId());
        if (outcome instanceof Outcome.Succeeded ok && spec.action() instanceof TaskAction.Branch) {
            try {
                Set<String> follow = chosen(ok.output());
                List<String> downstream = run.dag().downstream(spec.id()).stream()
                        .map(TaskSpec::id)
                        .toList();
                for (String id : follow) {
                    if (!downstream.contains(id)) {
                        throw new IllegalArgumentException("it named '" + id
                                + "', which is not a direct downstream task (one of " + String.join(", ", downstream)
                                + ")");
                    }
                }
                String why = "follows " + (follow.isEmpty() ? "none" : String.join(", ", follow));
                return new Settled(ti.succeeded(ok.exitCode(), ok.output(), why, now), TaskState.SUCCESS);
            } catch (IllegalArgumentException e) {
                outcome = Outcome.fatal("branch output: " + e.getMessage());
            }
        }
        if (outcome instanceof Outcome.Succeeded ok) {
            return new Settled(ti.succeeded(ok.exitCode(), ok.output(), null, now), TaskState.SUCCESS);
        }
        if (outcome instanceof Outcome.Supervised s) {
            long pid = s.job().pid();
            boolean process = pid > 0; // else a Kubernetes object: its command names it
            return new Settled(
                    ti.succeeded(
                            null,
                            process
                                    ? "{\"pid\": " + pid + ", \"supervised\": true}"
                                    : "{\"object\": " + s.job().command() + ", \"supervised\": true}",
                            "supervised: running (" + (process ? "pid " + pid : "object") + "), restarts 0",
                            now),
                    TaskState.SUCCESS);
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        if (f.retryable() && !runTimedOut && ti.tryNumber() < ti.maxTries()) {
            Instant next = now.plus(spec.retry().delayBefore(ti.tryNumber() + 1));
            return new Settled(ti.upForRetry(f.exitCode(), f.reason(), now, next), TaskState.FAILED);
        }
        return new Settled(ti.failed(f.exitCode(), f.reason(), now), TaskState.FAILED);
    }

    /**
     * A run passed its run_timeout: every instance still waiting is skipped. (Its running tries are the
     * coordinator's to stop; they fail without retry, see {@link #settle}.)
     */
    List<TaskInstance> timeOut(RunInstances instances, Instant now) {
        List<TaskInstance> skipped = new ArrayList<>();
        for (TaskInstance ti : instances.all()) {
            if (!ti.state().finished() && ti.state() != TaskState.RUNNING) {
                skipped.add(ti.ended(
                        TaskState.SKIPPED,
                        "run timed out after " + instances.dag().runTimeout(),
                        now));
            }
        }
        return skipped;
    }

    private void expand(Pass pass, DagRun run, TaskSpec spec, TaskInstance p, Instant now) {
        JsonNode items;
        try {
            items = spec.mapOver().items() != null
                    ? spec.mapOver().items()
                    : Template.resolve(
                            Template.singleReference(spec.mapOver().expression()),
                            TaskContext.of(run, pass.now, p, home));
        } catch (RuntimeException e) {
            pass.end(p.ended(TaskState.FAILED, "map_over: " + e.getMessage(), now));
            return;
        }
        if (!items.isArray()) {
            pass.end(p.ended(
                    TaskState.FAILED,
                    "map_over resolved to " + items.getNodeType().name().toLowerCase() + ", not a list",
                    now));
            return;
        }
        if (items.isEmpty()) {
            pass.end(p.ended(TaskState.SKIPPED, "map_over is an empty list", now));
            return;
        }
        List<TaskInstance> mapped = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            mapped.add(TaskInstance.create(
                    run.id(),
                    spec.id(),
                    i,
                    items.get(i).toString(),
                    spec.retry().maxTries()));
        }
        pass.expand(p.mapped(items.size()), mapped);
    }

    /**
     * The tasks a branch's output names: {@code ["a", "b"]}, {@code "a"} or {@code {"follow": ...}} (either form).
     */
    static Set<String> chosen(String output) {
        JsonNode o = output == null ? null : TaskContext.parse(output);
        JsonNode names = o != null && o.isObject() ? o.get("follow") : o;
        Set<String> out = new LinkedHashSet<>();
        if (names != null && names.isTextual()) {
            out.add(names.asText());
        } else if (names != null && names.isArray()) {
            for (JsonNode n : names) {
                if (!n.isTextual()) {
                    throw new IllegalArgumentException("expected task ids, got " + n);
                }
                out.add(n.asText());
            }
        } else {
            throw new IllegalArgumentException(
                    "expected the downstream tasks to run (a list of task ids, one id, or {\"follow\": [...]}), got "
                            + output);
        }
        return out;
    }

    /** The succeeded branch upstream of {@code spec} that did not choose it, or null. */
    private static String notChosenBy(RunInstances instances, TaskSpec spec) {
        for (String dep : spec.dependsOn()) {
            TaskInstance up = instances.parent(dep);
            if (instances.spec(dep).action() instanceof TaskAction.Branch
                    && up.state() == TaskState.SUCCESS
                    && !chosen(up.output()).contains(spec.id())) {
                return dep;
            }
        }
        return null;
    }

    private static List<TriggerRule.Upstream> upstream(RunInstances instances, TaskSpec spec) {
        List<TriggerRule.Upstream> out = new ArrayList<>();
        for (String dep : spec.dependsOn()) {
            for (TaskInstance ti : instances.instancesOf(dep)) {
                out.add(
                        switch (ti.state()) {
                            case SUCCESS -> TriggerRule.Upstream.SUCCESS;
                            case FAILED, UPSTREAM_FAILED -> TriggerRule.Upstream.FAILED;
                            case SKIPPED -> TriggerRule.Upstream.SKIPPED;
                            default -> TriggerRule.Upstream.PENDING;
                        });
            }
        }
        return out;
    }

    /**
     * Once every instance is over: FAILED if the run timed out or a leaf task failed (Airflow's rule: a
     * failure followed by a successful all_done cleanup leaves the run successful), else SUCCESS.
     */
    private static RunState finalState(RunInstances instances, boolean timedOut) {
        boolean failed = timedOut;
        for (TaskInstance ti : instances.all()) {
            if (!ti.state().finished()) {
                return null;
            }
        }
        for (TaskSpec t : instances.dag().tasks()) {
            if (instances.isLeaf(t.id())
                    && instances.instancesOf(t.id()).stream()
                            .anyMatch(
                                    ti -> ti.state() == TaskState.FAILED || ti.state() == TaskState.UPSTREAM_FAILED)) {
                failed = true;
            }
        }
        return failed ? RunState.FAILED : RunState.SUCCESS;
    }

    /** The decisions of one plan, and the run as they leave it (copied on the first change only). */
    private static final class Pass {
        final List<Decision> decisions = new ArrayList<>();
        RunInstances now;
        private boolean copied;

        Pass(RunInstances current) {
            this.now = current;
        }

        void ready(TaskInstance ti) {
            TaskInstance s = ti.scheduled();
            change(s);
            decisions.add(new Decision.Ready(s));
        }

        void end(TaskInstance ended) {
            change(ended);
            decisions.add(new Decision.End(ended));
        }

        void expand(TaskInstance parent, List<TaskInstance> mapped) {
            change(parent);
            mapped.forEach(this::change);
            decisions.add(new Decision.Expand(parent, List.copyOf(mapped)));
        }

        private void change(TaskInstance ti) {
            if (!copied) {
                now = now.copy();
                copied = true;
            }
            now.put(ti);
        }
    }
}
