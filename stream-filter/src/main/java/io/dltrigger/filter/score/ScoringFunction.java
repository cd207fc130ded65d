package io.dltrigger.filter.score;

import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.filter.config.FilterConfig;
import io.dltrigger.filter.model.FilterModel;
import io.dltrigger.filter.model.ModelAnnouncement;
import io.dltrigger.filter.sink.AdoptionLog;
import io.dltrigger.filter.table.ScoringWork;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.util.Collector;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each {@link ScoringWork} (input 1) with the model in use, and takes a newly published model from the
 * watcher (input 2, broadcast). A new model is loaded when announced and used from the next checkpoint on: the
 * switch happens in {@link #snapshotState}, so every event before that checkpoint's barrier is scored by the old
 * model and every event after it by the new one, in every subtask, on every replay. The version in use and the
 * checkpoint it was adopted at are the operator's state; once that checkpoint completes, subtask 0 records the
 * adoption in the scored table ({@link AdoptionLog}).
 */
public final class ScoringFunction extends CoProcessFunction<ScoringWork, ModelAnnouncement, ScoredPart>
        implements CheckpointedFunction, CheckpointListener {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringFunction.class);

    private final FilterConfig config;
    private final String initialVersion;

    private transient ListState<String> state;
    private transient Adopted adopted;
    private transient boolean recorded;
    private transient EventScorer scorer;
    private transient EventScorer pending;
    private transient BufferAllocator allocator;
    private transient Counter events;
    private transient Counter selected;
    private transient Counter kept;
    private transient Counter switches;
    private transient Counter refused;
    private transient volatile long lagMs;

    /** The model in use, when (0: from the job's start) and in which job it was adopted, and what it replaced. */
    private record Adopted(String version, long checkpoint, String jobId, String previous) {
        List<String> toState() {
            return List.of(version, Long.toString(checkpoint), jobId, previous == null ? "" : previous);
        }

        static Adopted fromState(List<String> s) {
            return new Adopted(
                    s.get(0), Long.parseLong(s.get(1)), s.get(2), s.get(3).isEmpty() ? null : s.get(3));
        }
    }

    /** @param initialVersion the version to start with when no state is restored */
    public ScoringFunction(FilterConfig config, String initialVersion) {
        this.config = config;
        this.initialVersion = initialVersion;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        // union state: every subtask switches at the same checkpoint, so all hold the same entries
        state = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("model-in-use", Types.STRING));
        List<String> restored = new ArrayList<>();
        state.get().forEach(restored::add);
        adopted = restored.size() >= 4 ? Adopted.fromState(restored.subList(0, 4)) : null;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        // the filter's parallelism is its unit of parallelism: one ND4J thread per task
        Nd4j.getEnvironment().setMaxThreads(1);
        if (adopted == null) {
            adopted = new Adopted(
                    initialVersion,
                    0,
                    getRuntimeContext().getJobInfo().getJobId().toString(),
                    null);
        }
        scorer = new EventScorer(load(adopted.version()), config.batchSize());
        allocator = new RootAllocator();
        var metrics = getRuntimeContext().getMetricGroup();
        events = metrics.counter("eventsScored");
        selected = metrics.counter("eventsSelected");
        kept = metrics.counter("eventsKept");
        switches = metrics.counter("modelSwitches");
        refused = metrics.counter("modelsRefused");
        metrics.gauge("scoringLagMs", () -> lagMs);
        LOG.info("scoring with {} model {}", config.model(), adopted.version());
    }

    private FilterModel load(String version) throws java.io.IOException {
        return FilterModel.load(Path.of(config.registry()), version);
    }

    @Override
    public void processElement1(ScoringWork work, Context ctx, Collector<ScoredPart> out) throws Exception {
        ScoredPart part = scorer.score(work, allocator);
        long sel = 0;
        long keep = 0;
        for (int i = 0; i < part.rows(); i++) {
            sel += part.outcomes()[i] == ScoredTableContract.Outcome.SELECTED.ordinal() ? 1 : 0;
            keep += part.keep()[i] ? 1 : 0;
        }
        events.inc(part.rows());
        selected.inc(sel);
        kept.inc(keep);
        lagMs = System.currentTimeMillis() - work.fileModified();
        out.collect(part);
    }

    @Override
    public void processElement2(ModelAnnouncement a, Context ctx, Collector<ScoredPart> out) {
        if (a.version().equals(scorer.model().version())
                || (pending != null && a.version().equals(pending.model().version()))) {
            return;
        }
        try {
            pending = new EventScorer(load(a.version()), config.batchSize());
            LOG.info("loaded {} model {}: scoring with it from the next checkpoint", config.model(), a.version());
        } catch (Exception e) {
            // a model that cannot be used is not adopted: the stream keeps the one it has
            refused.inc();
            LOG.error(
                    "cannot use the published model {} (keeping {}): {}",
                    a.version(),
                    scorer.model().version(),
                    e.toString());
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        if (pending != null) {
            adopted = new Adopted(
                    pending.model().version(),
                    context.getCheckpointId(),
                    getRuntimeContext().getJobInfo().getJobId().toString(),
                    scorer.model().version());
            scorer = pending;
            pending = null;
            recorded = false;
            switches.inc();
            LOG.info(
                    "from checkpoint {} on, scoring with {} model {} (was {})",
                    adopted.checkpoint(),
                    config.model(),
                    adopted.version(),
                    adopted.previous());
        }
        state.update(adopted.toState());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (!recorded
                && checkpointId >= adopted.checkpoint()
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            AdoptionLog.write(
                    config.output(),
                    new ScoredTableContract.Adoption(
                            adopted.version(),
                            config.model().name(),
                            adopted.jobId(),
                            adopted.checkpoint(),
                            adopted.previous(),
                            Instant.now().toString()));
            recorded = true;
        }
    }

    @Override
    public void close() throws Exception {
        if (allocator != null) {
            allocator.close();
        }
    }
}
