package io.dltrigger.filter.table;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Emits each assigned split's {@link ScoringWork} and asks for the next split when it has none left. Its state is
 * the splits assigned but not yet emitted; an emitted one is the scorer's (it scores it before the next barrier).
 */
final class PartFileReader implements SourceReader<ScoringWork, PartSplit> {
    private final SourceReaderContext context;
    private final Deque<PartSplit> splits = new ArrayDeque<>();
    private boolean requested;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    PartFileReader(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        request();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<ScoringWork> output) {
        PartSplit next = splits.poll();
        if (next != null) {
            output.collect(next.work());
        }
        if (!splits.isEmpty()) {
            return InputStatus.MORE_AVAILABLE;
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        request();
        return InputStatus.NOTHING_AVAILABLE;
    }

    private void request() {
        if (!requested && !noMoreSplits) {
            requested = true;
            context.sendSplitRequest();
        }
    }

    @Override
    public List<PartSplit> snapshotState(long checkpointId) {
        return List.copyOf(splits);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        if (!splits.isEmpty() || noMoreSplits) {
            return CompletableFuture.completedFuture(null);
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return available;
    }

    @Override
    public void addSplits(List<PartSplit> added) {
        splits.addAll(added);
        requested = false;
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
