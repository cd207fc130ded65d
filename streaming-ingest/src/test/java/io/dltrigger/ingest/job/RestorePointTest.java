package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.TestInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which checkpoint a fresh command resumes from: the newest complete one, by when its metadata was
 * written, across job folders (numbers restart with every fresh job); incomplete ones are deleted.
 */
class RestorePointTest {
    @TempDir
    Path dir;

    private static void checkpoint(Path chk, long completedAt) throws Exception {
        Files.createDirectories(chk);
        Path metadata = Files.writeString(chk.resolve("_metadata"), "x");
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(completedAt));
    }

    @Test
    void resumesFromTheNewestCompleteCheckpointNotTheHighestNumber() throws Exception {
        Path checkpoints = dir.resolve("events/_checkpoints");
        checkpoint(checkpoints.resolve("aaaa/chk-57"), 1_000_000);
        checkpoint(checkpoints.resolve("bbbb/chk-3"), 2_000_000);
        Path incomplete = Files.createDirectories(checkpoints.resolve("bbbb/chk-4"));
        Files.writeString(incomplete.resolve("some-operator-state"), "half written");
        Path shared = Files.createDirectories(checkpoints.resolve("bbbb/shared"));

        IngestSettings s = TestInputs.settings(dir, dir.resolve("events"));
        IngestConfig cfg = RestorePoint.resolve(s.toConfig(), true);
        assertEquals(Optional.of("file:" + checkpoints.resolve("bbbb/chk-3")), cfg.restoreFrom());
        assertFalse(Files.exists(incomplete), "an incomplete checkpoint is deleted");
        assertTrue(Files.exists(shared), "other folders are Flink's");
        assertTrue(Files.exists(checkpoints.resolve("aaaa/chk-57/_metadata")), "complete ones are kept");
    }

    @Test
    void anExplicitRestorePointOrNoResumeWins() throws Exception {
        checkpoint(dir.resolve("events/_checkpoints/cccc/chk-9"), 1_000_000);
        Path incomplete = Files.createDirectories(dir.resolve("events/_checkpoints/cccc/chk-10"));
        IngestSettings s = TestInputs.settings(dir, dir.resolve("events"));
        assertEquals(Optional.empty(), RestorePoint.resolve(s.toConfig(), false).restoreFrom());
        assertTrue(Files.exists(incomplete), "without resuming, the checkpoint folder is not touched");
        s.restoreFrom = "/somewhere/savepoint-1";
        assertEquals(
                Optional.of("/somewhere/savepoint-1"),
                RestorePoint.resolve(s.toConfig(), true).restoreFrom());
    }

    @Test
    void aNewTableStartsFresh() {
        IngestSettings s = TestInputs.settings(dir, dir.resolve("events"));
        assertEquals(Optional.empty(), RestorePoint.resolve(s.toConfig(), true).restoreFrom());
    }
}
