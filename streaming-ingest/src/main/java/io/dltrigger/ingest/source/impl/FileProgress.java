package io.dltrigger.ingest.source.impl;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the chunks of each planned file as readers report them, and logs one line when a file is done.
 * Kept in memory only: after a restore, files that were in flight at the checkpoint get no line.
 */
final class FileProgress {
    private static final Logger LOG = LoggerFactory.getLogger(FileProgress.class);

    private record Progress(int chunks, long plannedAt, long events, int done, int quarantined) {}

    private final Map<String, Progress> files = new HashMap<>();
    private long filesDone;

    void planned(String path, int chunks) {
        files.put(path, new Progress(chunks, System.currentTimeMillis(), 0, 0, 0));
    }

    void chunkDone(ChunkDoneEvent e, int filesPending) {
        Progress p = files.get(e.path());
        if (p == null) {
            return;
        }
        p = new Progress(
                p.chunks, p.plannedAt, p.events + e.events(), p.done + 1, p.quarantined + (e.emittedEvents() ? 0 : 1));
        if (p.done < p.chunks) {
            files.put(e.path(), p);
            return;
        }
        files.remove(e.path());
        filesDone++;
        double seconds = (System.currentTimeMillis() - p.plannedAt) / 1000.0;
        LOG.info(
                "ingested {} sample={} events={} chunks={} quarantined_chunks={} seconds={} files_done={} files_pending={}",
                e.path(),
                e.sample(),
                p.events,
                p.chunks,
                p.quarantined,
                String.format("%.2f", seconds),
                filesDone,
                filesPending);
    }
}
