package io.dltrigger.ingest.source.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link PendingChunksCheckpoint}. Version 2 holds each path's versions
 * ({@link TrackedFile}); version 1 held planned paths only, read as planned files of unknown version (they
 * are not planned again, as before; the ledger tells which of them have rows).
 */
public final class PendingChunksCheckpointSerializer implements SimpleVersionedSerializer<PendingChunksCheckpoint> {
    private static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(PendingChunksCheckpoint cp) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        out.writeInt(cp.pending().size());
        for (RootChunkSplit s : cp.pending()) {
            RootChunkSplitSerializer.write(s, out);
        }
        out.writeInt(cp.files().size());
        for (TrackedFile f : cp.files()) {
            RootChunkSplitSerializer.writeIdentity(f.latest(), out);
            out.writeUTF(f.handling().name());
            out.writeBoolean(f.rows().isPresent());
            if (f.rows().isPresent()) {
                RootChunkSplitSerializer.writeIdentity(f.rows().get(), out);
            }
            out.writeInt(f.inFlight());
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public PendingChunksCheckpoint deserialize(int version, byte[] bytes) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown PendingChunksCheckpoint serializer version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        List<RootChunkSplit> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // splits inside a version-1 checkpoint are in the split serializer's version 1
            pending.add(RootChunkSplitSerializer.read(version, in));
        }
        int m = in.readInt();
        List<TrackedFile> files = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            if (version == 1) {
                files.add(new TrackedFile(
                        FileIdentity.unknown(in.readUTF()), TrackedFile.Handling.PLANNED, Optional.empty(), 0));
                continue;
            }
            FileIdentity latest = RootChunkSplitSerializer.readIdentity(in);
            TrackedFile.Handling handling = TrackedFile.Handling.valueOf(in.readUTF());
            Optional<FileIdentity> rows =
                    in.readBoolean() ? Optional.of(RootChunkSplitSerializer.readIdentity(in)) : Optional.empty();
            files.add(new TrackedFile(latest, handling, rows, in.readInt()));
        }
        return new PendingChunksCheckpoint(pending, files);
    }
}
