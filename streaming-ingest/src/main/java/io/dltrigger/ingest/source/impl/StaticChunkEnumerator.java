package io.dltrigger.ingest.source.impl;

import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;

/**
 * Bounded mode: discovery rounds back to back until the inputs hold no unplanned file, then readers are
 * told there is no more work.
 */
public final class StaticChunkEnumerator extends AbstractChunkEnumerator {
    private boolean discovered;

    public StaticChunkEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context,
            RootFileDiscovery discovery,
            SplitPlanner planner,
            PendingChunksCheckpoint restored) {
        super(context, discovery, planner, restored);
    }

    @Override
    protected void startDiscovery() {
        context.callAsync(this::discover, (found, error) -> {
            discovered = error != null || !found.more();
            onDiscovered(found, error);
            if (!discovered) {
                startDiscovery();
            }
        });
    }

    @Override
    protected boolean mayFindMore() {
        return !discovered;
    }

    @Override
    protected void onDiscoveryFailure(Throwable error) {
        throw new FlinkRuntimeException("discovering input files failed: " + error.getMessage(), error);
    }
}
