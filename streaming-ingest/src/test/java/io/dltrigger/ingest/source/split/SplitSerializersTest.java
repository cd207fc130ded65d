package io.dltrigger.ingest.source.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitSerializersTest {
    private static final FileMeta FILE = new FileMeta("file:/data/ttbar_seed1_0003.root", 123_456, 1_700_000_000_000L);

    @Test
    void chunkAndBadFileSplitsSurviveARoundTrip() throws IOException {
        RootChunkSplitSerializer ser = RootChunkSplitSerializer.INSTANCE;
        RootChunkSplit chunk = RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 4000, 8000, 10_000);
        RootChunkSplit bad = RootChunkSplit.badFile(FILE, "Delphes", "ttbar", "not a ROOT file: é");
        for (RootChunkSplit s : List.of(chunk, bad, chunk.asEmitted())) {
            RootChunkSplit back = ser.deserialize(ser.getVersion(), ser.serialize(s));
            assertEquals(s, back);
            assertEquals(s.splitId(), back.splitId());
        }
        assertEquals("file:/data/ttbar_seed1_0003.root#4000-8000", chunk.splitId());
        assertEquals(49_382, chunk.estimatedBytes());
    }

    @Test
    void checkpointKeepsPendingChunksInOrderAndPlannedFiles() throws IOException {
        PendingChunksCheckpointSerializer ser = new PendingChunksCheckpointSerializer();
        List<RootChunkSplit> pending = List.of(
                RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 0, 10, 20),
                RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 10, 20, 20));
        PendingChunksCheckpoint cp = new PendingChunksCheckpoint(pending, Set.of(FILE.path(), "file:/data/other.root"));
        PendingChunksCheckpoint back = ser.deserialize(ser.getVersion(), ser.serialize(cp));
        assertEquals(pending, back.pending());
        assertEquals(cp.plannedFiles(), back.plannedFiles());
    }

    @Test
    void refusesUnknownVersionsAndBadRanges() {
        assertThrows(IOException.class, () -> RootChunkSplitSerializer.INSTANCE.deserialize(99, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 10, 5, 20));
    }
}
