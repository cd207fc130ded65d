package io.dltrigger.ingest.source.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltrigger.contract.IngestLedger;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SplitSerializersTest {
    private static final FileIdentity FILE = new FileIdentity(
            "file:/data/ttbar_seed1_0003.root", 123_456, 1_700_000_000_000L, "6a1f0e7c-3b2d-11ee-9c41-0242ac120002");

    @Test
    void chunkAndNoticeSplitsSurviveARoundTrip() throws IOException {
        RootChunkSplitSerializer ser = RootChunkSplitSerializer.INSTANCE;
        RootChunkSplit chunk = RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 4000, 8000, 10_000);
        RootChunkSplit bad = RootChunkSplit.notice(FILE, "Delphes", "ttbar", Notice.corrupt("not a ROOT file: é"));
        RootChunkSplit changed = RootChunkSplit.notice(
                FILE, "Delphes", "ttbar", new Notice(IngestLedger.Kind.CHANGED, "changed after ingestion"));
        for (RootChunkSplit s : List.of(chunk, bad, changed, chunk.asEmitted())) {
            RootChunkSplit back = ser.deserialize(ser.getVersion(), ser.serialize(s));
            assertEquals(s, back);
            assertEquals(s.splitId(), back.splitId());
        }
        assertEquals("file:/data/ttbar_seed1_0003.root@123456@1700000000000#4000-8000", chunk.splitId());
        assertEquals(49_382, chunk.estimatedBytes());
        // two versions of one path are two different splits
        RootChunkSplit other = RootChunkSplit.chunk(
                new FileIdentity(FILE.path(), 999, FILE.modified(), ""), "Delphes", "ttbar", 4000, 8000, 10_000);
        assertNotEquals(chunk.splitId(), other.splitId());
    }

    @Test
    void checkpointKeepsPendingChunksInOrderAndEachPathsVersions() throws IOException {
        PendingChunksCheckpointSerializer ser = new PendingChunksCheckpointSerializer();
        List<RootChunkSplit> pending = List.of(
                RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 0, 10, 20),
                RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 10, 20, 20));
        FileIdentity older = new FileIdentity(FILE.path(), 100, 1_600_000_000_000L, "");
        List<TrackedFile> files = List.of(
                new TrackedFile(FILE, TrackedFile.Handling.REPORTED, Optional.of(older), 0),
                new TrackedFile(
                        new FileIdentity("root://eos//x/qcd_1.root", 5, 6, ""),
                        TrackedFile.Handling.PLANNED,
                        Optional.empty(),
                        2));
        PendingChunksCheckpoint cp = new PendingChunksCheckpoint(pending, files);
        PendingChunksCheckpoint back = ser.deserialize(ser.getVersion(), ser.serialize(cp));
        assertEquals(pending, back.pending());
        assertEquals(files, back.files());
    }

    /** A checkpoint written before file identities (serializer version 1) is still restored. */
    @Test
    void readsVersionOneCheckpoints() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(1); // one pending split, in the split serializer's version 1
        out.writeUTF(FILE.path());
        out.writeUTF("Delphes");
        out.writeUTF("ttbar");
        out.writeLong(0);
        out.writeLong(500);
        out.writeLong(1000);
        out.writeLong(FILE.size());
        out.writeLong(FILE.modified());
        out.writeBoolean(false);
        out.writeBoolean(false);
        out.writeInt(1); // one planned path
        out.writeUTF("file:/data/qcd_seed2_0001.root");
        PendingChunksCheckpoint back = new PendingChunksCheckpointSerializer().deserialize(1, out.getCopyOfBuffer());
        assertEquals(
                List.of(RootChunkSplit.chunk(
                        new FileIdentity(FILE.path(), FILE.size(), FILE.modified(), ""),
                        "Delphes",
                        "ttbar",
                        0,
                        500,
                        1000)),
                back.pending());
        TrackedFile planned = back.files().get(0);
        assertEquals("file:/data/qcd_seed2_0001.root", planned.path());
        // no version recorded: any listing of that path counts as the file already planned, as before
        assertEquals(true, planned.latest().listedAs(new FileMeta(planned.path(), 42, 43)));
    }

    @Test
    void refusesUnknownVersionsAndBadRanges() {
        assertThrows(IOException.class, () -> RootChunkSplitSerializer.INSTANCE.deserialize(99, new byte[0]));
        assertThrows(IOException.class, () -> new PendingChunksCheckpointSerializer().deserialize(3, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> RootChunkSplit.chunk(FILE, "Delphes", "ttbar", 10, 5, 20));
    }
}
