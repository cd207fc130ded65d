package io.dltrigger.ingest.source.impl;

import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.util.concurrent.Callable;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded mode: discovery rounds back to back until the inputs hold no unplanned file, then readers are
 * told there is no more work. Files that storage fails to open are tried again with backoff, and given up
 * (recorded as unavailable) after the retry timeout; a listing that keeps failing for that long fails the
 * job.
 */
public final class StaticChunkEnumerator extends AbstractChunkEnumerator {
    private static final Logger LOG = LoggerFactory.getLogger(StaticChunkEnumerator.class);
    /** How soon to look again at a new version waiting for its previous version's chunks. */
    private static final long DEFER_MILLIS = 500;

    private boolean discovered;
    private long listingFailingSince = -1;
    private int listingFailures;

    public StaticChunkEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context,
            RootFileDiscovery discovery,
            SplitPlanner planner,
            Callable<LedgerView> ledger,
            Runnable cleanup,
            StorageRetry retry,
            PendingChunksCheckpoint restored) {
        super(context, discovery, planner, ledger, cleanup, retry, restored);
    }

    @Override
    protected void startDiscovery() {
        round(0);
    }

    private void round(long delayMillis) {
        context.callAsync(
                () -> {
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis); // nothing else to do in the meantime
                    }
                    return discover();
                },
                (found, error) -> {
                    onDiscovered(found, error);
                    if (error != null) {
                        return;
                    }
                    listingFailingSince = -1;
                    listingFailures = 0;
                    if (found.more()) {
                        round(0);
                    } else if (found.waiting() || nextRetry().isPresent() || deferred) {
                        long due = nextRetry().orElse(System.currentTimeMillis() + DEFER_MILLIS);
                        round(Math.max(0, Math.min(due - System.currentTimeMillis(), DEFER_MILLIS)));
                    } else {
                        discovered = true;
                        assignPending();
                    }
                });
    }

    @Override
    protected boolean mayFindMore() {
        return !discovered;
    }

    @Override
    protected boolean givesUpOnStorage() {
        return true;
    }

    @Override
    protected void onDiscoveryFailure(Throwable error) {
        long now = System.currentTimeMillis();
        if (listingFailingSince < 0) {
            listingFailingSince = now;
        }
        listingFailures++;
        if (retry.expired(listingFailingSince, now)) {
            throw new FlinkRuntimeException(
                    "discovering input files failed for " + (now - listingFailingSince) / 1000 + " s: "
                            + error.getMessage(),
                    error);
        }
        long delay = retry.delayMillis(listingFailures);
        LOG.warn(
                "discovering input files failed (attempt {}), retrying in {} ms: {}",
                listingFailures,
                delay,
                error.toString());
        round(delay);
    }
}
