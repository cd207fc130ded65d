package io.dltrigger.ingest.source.split;

import io.dltrigger.contract.IngestLedger;
import java.io.IOException;
import java.util.Optional;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Versioned binary form of {@link RootChunkSplit}, for checkpoints and for shipping splits to readers.
 * Version 2 adds the file's UUID and the notice's kind; version 1 (path, size and time only, and a bad-file
 * reason) is still read, as an identity without UUID and a {@code corrupt} notice.
 */
public final class RootChunkSplitSerializer implements SimpleVersionedSerializer<RootChunkSplit> {
    public static final RootChunkSplitSerializer INSTANCE = new RootChunkSplitSerializer();
    static final int VERSION = 2;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(RootChunkSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(160);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public RootChunkSplit deserialize(int version, byte[] bytes) throws IOException {
        return read(version, new DataInputDeserializer(bytes));
    }

    static void write(RootChunkSplit s, DataOutputView out) throws IOException {
        writeIdentity(s.file(), out);
        out.writeUTF(s.tree());
        out.writeUTF(s.sample());
        out.writeLong(s.start());
        out.writeLong(s.stop());
        out.writeLong(s.fileEntries());
        out.writeBoolean(s.notice().isPresent());
        if (s.notice().isPresent()) {
            out.writeUTF(s.notice().get().kind().name());
            out.writeUTF(s.notice().get().reason());
        }
        out.writeBoolean(s.emitted());
    }

    static RootChunkSplit read(int version, DataInputView in) throws IOException {
        return switch (version) {
            case 1 -> readV1(in);
            case VERSION -> readV2(in);
            default -> throw new IOException("unknown RootChunkSplit serializer version " + version);
        };
    }

    private static RootChunkSplit readV2(DataInputView in) throws IOException {
        FileIdentity file = readIdentity(in);
        String tree = in.readUTF();
        String sample = in.readUTF();
        long start = in.readLong();
        long stop = in.readLong();
        long entries = in.readLong();
        Optional<Notice> notice = in.readBoolean()
                ? Optional.of(new Notice(IngestLedger.Kind.valueOf(in.readUTF()), in.readUTF()))
                : Optional.empty();
        boolean emitted = in.readBoolean();
        return new RootChunkSplit(file, tree, sample, start, stop, entries, notice, emitted);
    }

    private static RootChunkSplit readV1(DataInputView in) throws IOException {
        String path = in.readUTF();
        String tree = in.readUTF();
        String sample = in.readUTF();
        long start = in.readLong();
        long stop = in.readLong();
        long entries = in.readLong();
        long bytes = in.readLong();
        long modified = in.readLong();
        Optional<Notice> notice = in.readBoolean() ? Optional.of(Notice.corrupt(in.readUTF())) : Optional.empty();
        boolean emitted = in.readBoolean();
        FileIdentity file = new FileIdentity(path, bytes, modified, "");
        return new RootChunkSplit(file, tree, sample, start, stop, entries, notice, emitted);
    }

    static void writeIdentity(FileIdentity f, DataOutputView out) throws IOException {
        out.writeUTF(f.path());
        out.writeLong(f.size());
        out.writeLong(f.modified());
        out.writeUTF(f.uuid());
    }

    static FileIdentity readIdentity(DataInputView in) throws IOException {
        return new FileIdentity(in.readUTF(), in.readLong(), in.readLong(), in.readUTF());
    }
}
