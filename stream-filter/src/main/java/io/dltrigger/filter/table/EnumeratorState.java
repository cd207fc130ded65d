package io.dltrigger.filter.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * What the enumerator knows: the part files it has examined (path to length and modification time: a file that
 * changes, as reingest rewrites, is examined again), the keys of the chunks it has planned (handed out or pending),
 * and the splits not yet handed out.
 */
public record EnumeratorState(Map<String, String> examined, Set<String> planned, List<PartSplit> pending) {

    static final class Serializer implements SimpleVersionedSerializer<EnumeratorState> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(EnumeratorState s) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(s.examined().size());
                for (Map.Entry<String, String> e : s.examined().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
                out.writeInt(s.planned().size());
                for (String k : s.planned()) {
                    out.writeUTF(k);
                }
                out.writeInt(s.pending().size());
                for (PartSplit p : s.pending()) {
                    PartSplit.Serializer.write(p, out);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public EnumeratorState deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown filter enumerator state version " + version);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                Map<String, String> examined = new HashMap<>();
                for (int n = in.readInt(); n > 0; n--) {
                    examined.put(in.readUTF(), in.readUTF());
                }
                Set<String> planned = new HashSet<>();
                for (int n = in.readInt(); n > 0; n--) {
                    planned.add(in.readUTF());
                }
                List<PartSplit> pending = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    pending.add(PartSplit.Serializer.read(in));
                }
                return new EnumeratorState(examined, planned, pending);
            }
        }
    }
}
