package io.dltrigger.ingest.source.split;

import java.io.IOException;
import java.util.Optional;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Versioned binary form of {@link RootChunkSplit}, for checkpoints and for shipping splits to readers. */
public final class RootChunkSplitSerializer implements SimpleVersionedSerializer<RootChunkSplit> {
    public static final RootChunkSplitSerializer INSTANCE = new RootChunkSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(RootChunkSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public RootChunkSplit deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown RootChunkSplit serializer version " + version);
        }
        return read(new DataInputDeserializer(bytes));
    }

    static void write(RootChunkSplit s, DataOutputView out) throws IOException {
        out.writeUTF(s.path());
        out.writeUTF(s.tree());
        out.writeUTF(s.sample());
        out.writeLong(s.start());
        out.writeLong(s.stop());
        out.writeLong(s.fileEntries());
        out.writeLong(s.fileBytes());
        out.writeLong(s.fileModified());
        out.writeBoolean(s.badFileReason().isPresent());
        if (s.badFileReason().isPresent()) {
            out.writeUTF(s.badFileReason().get());
        }
        out.writeBoolean(s.emitted());
    }

    static RootChunkSplit read(DataInputView in) throws IOException {
        String path = in.readUTF();
        String tree = in.readUTF();
        String sample = in.readUTF();
        long start = in.readLong();
        long stop = in.readLong();
        long entries = in.readLong();
        long bytes = in.readLong();
        long modified = in.readLong();
        Optional<String> reason = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
        boolean emitted = in.readBoolean();
        return new RootChunkSplit(path, tree, sample, start, stop, entries, bytes, modified, reason, emitted);
    }
}
