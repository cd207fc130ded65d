package io.dltrigger.ingest.source.impl;

import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous mode: discovery every {@code interval}, forever. A failed listing (storage briefly away) is
 * logged and retried at the next round; a file storage fails to open is retried with backoff as long as
 * it is listed. Files that arrived while the job was down are found by the first round after a restore.
 */
public final class ContinuousChunkEnumerator extends AbstractChunkEnumerator {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousChunkEnumerator.class);
    private final Duration interval;

    public ContinuousChunkEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context,
            RootFileDiscovery discovery,
            SplitPlanner planner,
            Callable<LedgerView> ledger,
            Runnable cleanup,
            StorageRetry retry,
            PendingChunksCheckpoint restored,
            Duration interval) {
        super(context, discovery, planner, ledger, cleanup, retry, restored);
        this.interval = interval;
    }

    @Override
    protected void startDiscovery() {
        context.callAsync(this::discover, this::merge, 0, interval.toMillis());
    }

    private void merge(Discovered found, Throwable error) {
        onDiscovered(found, error);
        if (error == null && found.more()) {
            // a backlog: keep planning now rather than a few files per interval
            context.callAsync(this::discover, this::merge);
        }
    }

    @Override
    protected boolean mayFindMore() {
        return true;
    }

    @Override
    protected boolean givesUpOnStorage() {
        return false;
    }

    @Override
    protected void onDiscoveryFailure(Throwable error) {
        LOG.warn("discovery round failed, retrying in {}: {}", interval, error.toString());
    }
}
