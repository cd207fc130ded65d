package io.dltrigger.ingest.source.impl;

import io.dltrigger.contract.task.TaskIo;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the chunks of each planned file as readers report them, and logs one line when a file is done. Under the
 * DAG engine it also reports the events read of those planned ({@link TaskIo}; on a cluster the enumerator runs in
 * the JobManager, where no engine listens, and nothing is written). Kept in memory only: after a restore, files
 * that were in flight at the checkpoint get no line, and the counts start again.
 */
final class FileProgress {
    private static final Logger LOG = LoggerFactory.getLogger(FileProgress.class);

    private record Progress(int chunks, long plannedAt, long events, int done, int quarantined) {}

    private final Map<String, Progress> files = new HashMap<>();
    private long filesDone;
    private long filesPlanned;
    private long eventsPlanned;
    private long eventsRead;

    void planned(String path, int chunks, long entries) {
        files.put(path, new Progress(chunks, System.currentTimeMillis(), 0, 0, 0));
        filesPlanned++;
        eventsPlanned += entries;
        report();
    }

    private void report() {
        TaskIo.fromEnvironment()
                .progress(eventsRead, eventsPlanned, "events", filesDone + " of " + filesPlanned + " files done");
    }

    void chunkDone(ChunkDoneEvent e, int filesPending) {
        Progress p = files.get(e.path());
        if (p == null) {
            return;
        }
        p = new Progress(
                p.chunks, p.plannedAt, p.events + e.events(), p.done + 1, p.quarantined + (e.emittedEvents() ? 0 : 1));
        eventsRead += e.events();
        report();
        if (p.done < p.chunks) {
            files.put(e.path(), p);
            return;
        }
        files.remove(e.path());
        filesDone++;
        report();
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
