package io.dltrigger.filter.table;

import io.dltrigger.contract.IngestLedger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** A split of the event-table source: one {@link ScoringWork}. */
public record PartSplit(ScoringWork work) implements SourceSplit {
    @Override
    public String splitId() {
        return work.partFile() + "@" + work.fileLength() + "@" + work.fileModified();
    }

    static final class Serializer implements SimpleVersionedSerializer<PartSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PartSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                write(split, out);
            }
            return bytes.toByteArray();
        }

        @Override
        public PartSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown part split version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }

        static void write(PartSplit split, DataOutputStream out) throws IOException {
            ScoringWork w = split.work();
            out.writeUTF(w.partFile());
            out.writeLong(w.fileLength());
            out.writeLong(w.fileModified());
            out.writeUTF(w.partition());
            out.writeInt(w.chunks().length);
            for (IngestLedger.Entry e : w.chunks()) {
                out.writeUTF(e.sourceFile());
                out.writeLong(e.fileSize());
                out.writeLong(e.fileModified());
                out.writeUTF(e.fileUuid() == null ? "" : e.fileUuid());
                out.writeLong(e.entryStart());
                out.writeLong(e.entryStop());
            }
        }

        static PartSplit read(DataInputStream in) throws IOException {
            String file = in.readUTF();
            long length = in.readLong();
            long modified = in.readLong();
            String partition = in.readUTF();
            IngestLedger.Entry[] chunks = new IngestLedger.Entry[in.readInt()];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = new IngestLedger.Entry(
                        in.readUTF(), in.readLong(), in.readLong(), in.readUTF(), in.readLong(), in.readLong());
            }
            return new PartSplit(new ScoringWork(file, length, modified, partition, chunks));
        }
    }
}
