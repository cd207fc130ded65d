package io.dltrigger.ingest.source.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.enumerate.SampleResolver;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.TestInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source's split reader on real files, one fetch at a time: a file replaced after planning is never read
 * as the old version (a superseded dead letter, not rows); a file that is gone is retried, and read once it
 * is back; one gone for longer than the retry timeout is recorded as unavailable, never as corrupt.
 */
class RootChunkSplitReaderTest {
    @TempDir
    Path dir;

    private IngestConfig cfg;
    private Path file;
    private Path v1;
    private Path v2;

    @BeforeEach
    void files() throws Exception {
        v1 = GeneratedRuns.write(dir.resolve("v1"), EventClass.TTBAR, 5, 200, 200, 50)
                .get(0);
        v2 = GeneratedRuns.write(dir.resolve("v2"), EventClass.TTBAR, 6, 300, 300, 50)
                .get(0);
        file = TestInputs.drop(v1, dir.resolve("in"), v1.getFileName().toString());
        cfg = TestInputs.settings(dir.resolve("in"), dir.resolve("events")).toConfig();
    }

    private List<RootChunkSplit> plan() {
        SplitPlanner planner = new SplitPlanner(
                cfg.tree(),
                cfg.tableSchema().branches(),
                50,
                new SampleResolver(cfg.samplePattern(), Optional.empty()));
        FileMeta listed = new FileMeta("file:" + file, sizeOf(file), modifiedOf(file));
        FilePlan.Chunks c = assertInstanceOf(FilePlan.Chunks.class, planner.plan(listed));
        List<RootChunkSplit> splits = new ArrayList<>();
        c.ranges()
                .forEach(r -> splits.add(
                        RootChunkSplit.chunk(c.identity(), c.tree(), c.sample(), r.start(), r.stop(), c.entries())));
        assertEquals(4, splits.size());
        assertEquals(36, c.identity().uuid().length(), "the ROOT UUID is part of the identity");
        return splits;
    }

    private RootChunkSplitReader reader(Duration retryTimeout) {
        return new RootChunkSplitReader(
                cfg.tableSchema(),
                new StorageRetry(retryTimeout),
                new ReaderMetrics(UnregisteredMetricsGroup.createSourceReaderMetricGroup()));
    }

    /** Fetches until the split finishes (or the deadline passes); its one element, or null if it had none. */
    private static ChunkResult finish(RootChunkSplitReader reader, RootChunkSplit split, Duration deadline)
            throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            RecordsWithSplitIds<ChunkResult> r = reader.fetch();
            String id;
            ChunkResult element = null;
            while ((id = r.nextSplit()) != null) {
                assertEquals(split.splitId(), id);
                element = r.nextRecordFromSplit();
            }
            if (r.finishedSplits().contains(split.splitId())) {
                return element;
            }
        }
        throw new AssertionError(split + " did not finish within " + deadline);
    }

    @Test
    void readsTheVersionItWasPlannedFrom() throws Exception {
        List<RootChunkSplit> splits = plan();
        try (RootChunkSplitReader reader = reader(Duration.ofSeconds(10))) {
            reader.handleSplitsChanges(new SplitsAddition<>(splits));
            for (RootChunkSplit s : splits) {
                ChunkResult r = finish(reader, s, Duration.ofSeconds(10));
                assertEquals("", r.deadLetterKind(), r.quarantineReason());
                assertEquals(s.events(), r.events());
                assertEquals(s.file().uuid(), r.fileUuid());
            }
        }
    }

    @Test
    void aFileReplacedAfterPlanningIsNotReadAsTheOldVersion() throws Exception {
        List<RootChunkSplit> splits = plan();
        try (RootChunkSplitReader reader = reader(Duration.ofSeconds(10))) {
            reader.handleSplitsChanges(new SplitsAddition<>(splits));
            ChunkResult first = finish(reader, splits.get(0), Duration.ofSeconds(10));
            assertEquals("", first.deadLetterKind());
            // replaced by rename, as a writer publishing a new version does
            Files.copy(v2, dir.resolve("in/.next"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    dir.resolve("in/.next"), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            for (RootChunkSplit s : splits.subList(1, splits.size())) {
                ChunkResult r = finish(reader, s, Duration.ofSeconds(10));
                assertEquals(IngestLedger.Kind.SUPERSEDED.label(), r.deadLetterKind(), r.quarantineReason());
                assertEquals(0, r.arrowIpc().length);
                assertTrue(r.quarantineReason().contains("changed"), r.quarantineReason());
                assertEquals(s.start(), r.entryStart());
            }
        }
    }

    @Test
    void aFileThatIsGoneForAMomentIsRetriedAndReadWhenBack() throws Exception {
        List<RootChunkSplit> splits = plan();
        Path away = Files.move(file, dir.resolve("away.root"));
        try (RootChunkSplitReader reader = reader(Duration.ofSeconds(30))) {
            reader.handleSplitsChanges(new SplitsAddition<>(splits.subList(0, 1)));
            for (int i = 0; i < 3; i++) {
                RecordsWithSplitIds<ChunkResult> r = reader.fetch();
                assertEquals(null, r.nextSplit(), "nothing emitted while the file is gone");
                assertTrue(r.finishedSplits().isEmpty(), "the chunk is kept, to be retried");
            }
            Files.move(away, file);
            ChunkResult r = finish(reader, splits.get(0), Duration.ofSeconds(20));
            assertEquals("", r.deadLetterKind(), r.quarantineReason());
            assertEquals(splits.get(0).events(), r.events());
        }
    }

    @Test
    void aFileGoneForLongerThanTheRetryTimeoutIsUnavailableNotCorrupt() throws Exception {
        List<RootChunkSplit> splits = plan();
        Files.delete(file);
        try (RootChunkSplitReader reader = reader(Duration.ofSeconds(2))) {
            reader.handleSplitsChanges(new SplitsAddition<>(splits.subList(0, 1)));
            ChunkResult r = finish(reader, splits.get(0), Duration.ofSeconds(20));
            assertEquals(IngestLedger.Kind.UNAVAILABLE.label(), r.deadLetterKind());
            assertTrue(r.quarantineReason().contains("no such file"), r.quarantineReason());
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long modifiedOf(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
