package io.dltrigger.filter.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/** Hands the registry split to reader 0 (the watcher runs with parallelism 1), and takes it back after a failure. */
final class RegistryEnumerator implements SplitEnumerator<RegistrySplit, List<RegistrySplit>> {
    private final SplitEnumeratorContext<RegistrySplit> context;
    private final List<RegistrySplit> unassigned;
    private final boolean bounded;

    RegistryEnumerator(SplitEnumeratorContext<RegistrySplit> context, List<RegistrySplit> unassigned, boolean bounded) {
        this.context = context;
        this.unassigned = unassigned;
        this.bounded = bounded;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<RegistrySplit> splits, int subtaskId) {
        unassigned.addAll(splits);
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        for (RegistrySplit s : unassigned) {
            context.assignSplit(s, subtaskId);
        }
        unassigned.clear();
        if (bounded) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public List<RegistrySplit> snapshotState(long checkpointId) {
        return new ArrayList<>(unassigned);
    }

    @Override
    public void close() {}
}
