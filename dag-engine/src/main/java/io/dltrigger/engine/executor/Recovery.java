package io.dltrigger.engine.executor;

import io.dltrigger.engine.launch.Cancellation;
import io.dltrigger.engine.launch.Launchers;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.Recovered;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.store.TaskInstanceRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts runs found RUNNING in the store: after a restart (a dead engine left them), or after another
 * process changed one (a clear). It reads a run back, adds instances for tasks added to its DAG since the
 * run started, and has each try left running with no engine watching it re-attached, settled from what it
 * left, or re-queued, as its task type's launcher says.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final TaskInstanceRepository taskInstances;
    private final Launchers launchers;

    Recovery(TaskInstanceRepository taskInstances, Launchers launchers) {
        this.taskInstances = taskInstances;
        this.launchers = launchers;
    }

    /**
     * The run's instances as stored, except {@code ours} (those whose tries this engine runs, kept as they
     * are in memory), plus new ones, stored now, for tasks added to the DAG since the run started.
     */
    RunInstances reload(DagRun run, Dag dag, Map<Long, TaskInstance> ours) {
        List<TaskInstance> instances = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (TaskInstance ti : taskInstances.ofRun(run.id())) {
            instances.add(ours.getOrDefault(ti.id(), ti));
            if (ti.mapIndex() < 0) {
                present.add(ti.taskId());
            }
        }
        List<TaskInstance> added = new ArrayList<>();
        for (TaskSpec t : dag.tasks()) {
            if (!present.contains(t.id())) {
                added.add(TaskInstance.create(
                        run.id(), t.id(), -1, null, t.retry().maxTries()));
            }
        }
        if (!added.isEmpty()) {
            instances.addAll(taskInstances.insert(added));
        }
        return new RunInstances(dag, instances);
    }

    /** What becomes of a try left RUNNING with no engine watching it. */
    Recovered adopt(TaskSpec spec, TaskInstance ti, TryFiles files, Cancellation cancel) {
        Recovered verdict = launchers.recover(spec.action(), ti, files, cancel);
        if (verdict instanceof Recovered.Reattached re) {
            LOG.info("re-attaching to {}{}", ti.label(), re.pid() == null ? "" : " (pid " + re.pid() + ")");
        } else if (verdict instanceof Recovered.Ended e) {
            LOG.info(
                    "{} ended while the engine was down: {}",
                    ti.label(),
                    e.outcome() instanceof Outcome.Failed f ? f.reason() : "success");
        } else {
            LOG.info("{} had not started its work when the engine stopped: re-queued", ti.label());
        }
        return verdict;
    }
}
