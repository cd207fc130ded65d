package io.dltrigger.ingest.source.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Versioned binary form of {@link PendingChunksCheckpoint}. */
public final class PendingChunksCheckpointSerializer implements SimpleVersionedSerializer<PendingChunksCheckpoint> {
    private static final int VERSION = 1;

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
        out.writeInt(cp.plannedFiles().size());
        for (String f : cp.plannedFiles()) {
            out.writeUTF(f);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public PendingChunksCheckpoint deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown PendingChunksCheckpoint serializer version " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        int n = in.readInt();
        List<RootChunkSplit> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pending.add(RootChunkSplitSerializer.read(in));
        }
        int m = in.readInt();
        Set<String> planned = new HashSet<>(m * 2);
        for (int i = 0; i < m; i++) {
            planned.add(in.readUTF());
        }
        return new PendingChunksCheckpoint(pending, planned);
    }
}
