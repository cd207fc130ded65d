package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task fails in the middle of a checkpointed job, after some chunks were committed and while others are
 * in flight; Flink restarts it from the last checkpoint. The table holds every event exactly once.
 */
class FailureRecoveryTest {
    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
    static final AtomicInteger SEEN_AFTER_CHECKPOINT = new AtomicInteger();

    @TempDir
    Path dir;

    /** Passes chunks through slowly; throws once, some chunks after the first completed checkpoint. */
    static final class FailOnce implements MapFunction<ChunkResult, ChunkResult>, CheckpointListener {
        @Override
        public ChunkResult map(ChunkResult chunk) throws Exception {
            Thread.sleep(100);
            if (CHECKPOINTED.get()
                    && SEEN_AFTER_CHECKPOINT.incrementAndGet() >= 4
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + chunk.sourceFile() + " " + chunk.entryStart());
            }
            return chunk;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.set(true);
        }
    }

    @Test
    void injectedFailureMidJobStillWritesEveryEventExactlyOnce() throws Exception {
        Path in = dir.resolve("in");
        List<Path> files = new ArrayList<>();
        files.addAll(GeneratedRuns.write(in, EventClass.TTBAR, 31, 600, 200, 50));
        files.addAll(GeneratedRuns.write(in, EventClass.QCD, 32, 400, 200, 50));
        IngestSettings settings = TestInputs.settings(in, dir.resolve("events"));
        // one chunk per 50-entry cluster, 20 in all: at 200 (the shared test setting) each file was one chunk, and
        // the 4 chunks after the first completed checkpoint that the failure waits for came only when that
        // checkpoint beat the first chunk through the slow map (it failed to inject on a loaded machine)
        settings.chunkEvents = 50;
        IngestConfig cfg = settings.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg, true);
        DataStream<ChunkResult> chunks =
                IngestJob.chunks(env, cfg).map(new FailOnce()).name("fail-once");
        IngestJob.sinks(chunks, cfg);
        env.execute("failure test");

        assertTrue(FAILED.get(), "the failure was never injected");
        TableRows table = TableRows.read(dir.resolve("events"));
        assertEquals(Map.of("ttbar", 600L, "qcd", 400L), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());
        assertEquals(RootChecksums.of(files.subList(0, 3), "Delphes", cfg.columns()), table.checksums("ttbar"));
    }
}
