package io.dltrigger.filter.model;

import io.dltrigger.training.model.ModelKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry's pointer every poll interval; a new version becomes pending, and at the next checkpoint
 * ({@link #snapshotState}) the announced one, emitted right after that checkpoint's barrier. On a restore the
 * announced version is emitted again (scorers ignore a version they already use or hold).
 */
final class RegistryReader implements SourceReader<ModelAnnouncement, RegistrySplit> {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryReader.class);

    private final Path registry;
    private final ModelKind kind;
    private final long pollMillis;
    private final boolean bounded;
    private String announced;
    private String pending;
    private boolean emit;
    private boolean noMoreSplits;
    private long nextPoll;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    RegistryReader(Path registry, ModelKind kind, Duration pollInterval, boolean bounded) {
        this.registry = registry;
        this.kind = kind;
        this.pollMillis = pollInterval.toMillis();
        this.bounded = bounded;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<ModelAnnouncement> output) {
        if (emit) {
            output.collect(new ModelAnnouncement(announced));
            emit = false;
        }
        if (bounded || announced == null) {
            return bounded && noMoreSplits && announced != null
                    ? InputStatus.END_OF_INPUT
                    : InputStatus.NOTHING_AVAILABLE;
        }
        long now = System.currentTimeMillis();
        if (now >= nextPoll) {
            nextPoll = now + pollMillis;
            poll();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void poll() {
        try {
            Optional<String> v = PublishedModels.current(registry, kind);
            if (v.isPresent() && !v.get().equals(announced) && !v.get().equals(pending)) {
                pending = v.get();
                LOG.info(
                        "registry {} publishes {} model {}: announced after the next checkpoint",
                        registry,
                        kind,
                        pending);
            }
        } catch (RuntimeException e) {
            // the pointer is replaced by an atomic rename, so this is storage trouble: try again next time
            LOG.warn("cannot read the published {} model of {}: {}", kind, registry, e.getMessage());
        }
    }

    @Override
    public List<RegistrySplit> snapshotState(long checkpointId) {
        if (pending != null) {
            announced = pending;
            pending = null;
            emit = true;
            available.complete(null);
        }
        return announced == null ? List.of() : List.of(new RegistrySplit(announced));
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (emit || (bounded && noMoreSplits && announced != null)) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            long wait = announced == null ? pollMillis : Math.max(1, nextPoll - System.currentTimeMillis());
            available = new CompletableFuture<>();
            CompletableFuture<Void> f = available;
            CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> f.complete(null));
        }
        return available;
    }

    @Override
    public void addSplits(List<RegistrySplit> splits) {
        for (RegistrySplit s : splits) {
            announced = s.announced();
            emit = true;
        }
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {}
}
