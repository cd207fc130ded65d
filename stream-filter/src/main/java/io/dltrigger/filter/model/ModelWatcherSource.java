package io.dltrigger.filter.model;

import io.dltrigger.training.model.ModelKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Watches the registry's pointer for {@code kind} and announces a newly published version to every scorer
 * (broadcast), right after a checkpoint barrier: a version seen between checkpoints n-1 and n is announced once
 * checkpoint n's barrier has left, so every scorer receives it between barriers n and n+1 and switches at
 * checkpoint n+1, all at the same checkpoint. Parallelism 1. Bounded jobs announce nothing new and end at once.
 */
public final class ModelWatcherSource
        implements Source<ModelAnnouncement, RegistrySplit, List<RegistrySplit>>,
                ResultTypeQueryable<ModelAnnouncement> {
    private final String registry;
    private final ModelKind kind;
    private final String initialVersion;
    private final Duration pollInterval;
    private final boolean bounded;

    public ModelWatcherSource(
            String registry, ModelKind kind, String initialVersion, Duration pollInterval, boolean bounded) {
        this.registry = registry;
        this.kind = kind;
        this.initialVersion = initialVersion;
        this.pollInterval = pollInterval;
        this.bounded = bounded;
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<RegistrySplit, List<RegistrySplit>> createEnumerator(
            SplitEnumeratorContext<RegistrySplit> context) {
        return new RegistryEnumerator(context, new ArrayList<>(List.of(new RegistrySplit(initialVersion))), bounded);
    }

    @Override
    public SplitEnumerator<RegistrySplit, List<RegistrySplit>> restoreEnumerator(
            SplitEnumeratorContext<RegistrySplit> context, List<RegistrySplit> unassigned) {
        return new RegistryEnumerator(context, new ArrayList<>(unassigned), bounded);
    }

    @Override
    public SourceReader<ModelAnnouncement, RegistrySplit> createReader(SourceReaderContext context) {
        return new RegistryReader(java.nio.file.Path.of(registry), kind, pollInterval, bounded);
    }

    @Override
    public SimpleVersionedSerializer<RegistrySplit> getSplitSerializer() {
        return new RegistrySplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<List<RegistrySplit>> getEnumeratorCheckpointSerializer() {
        return new UnassignedSerializer();
    }

    @Override
    public TypeInformation<ModelAnnouncement> getProducedType() {
        return TypeInformation.of(ModelAnnouncement.class);
    }

    /** The enumerator's state: the split when no reader holds it (before the first assignment, after a failure). */
    static final class UnassignedSerializer implements SimpleVersionedSerializer<List<RegistrySplit>> {
        private final RegistrySplit.Serializer split = new RegistrySplit.Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<RegistrySplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (RegistrySplit s : splits) {
                    byte[] b = split.serialize(s);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<RegistrySplit> deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("unknown registry enumerator state version " + version);
            }
            List<RegistrySplit> out = new ArrayList<>();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                for (int n = in.readInt(); n > 0; n--) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    out.add(split.deserialize(split.getVersion(), b));
                }
            }
            return out;
        }
    }
}
