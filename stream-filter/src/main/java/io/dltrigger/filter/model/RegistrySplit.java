package io.dltrigger.filter.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** The one split of the registry watcher; its state is the version it last announced. */
public record RegistrySplit(String announced) implements SourceSplit {
    @Override
    public String splitId() {
        return "registry";
    }

    static final class Serializer implements SimpleVersionedSerializer<RegistrySplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(RegistrySplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(split.announced());
            }
            return bytes.toByteArray();
        }

        @Override
        public RegistrySplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown registry split version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new RegistrySplit(in.readUTF());
            }
        }
    }
}
