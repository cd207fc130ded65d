package io.dltrigger.filter.sink;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.contract.ScoresContract;
import io.dltrigger.filter.score.ScoredPart;
import io.dltrigger.ingest.sink.FlinkOutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes scored parts into one Parquet part file of the scored table (arrow-bridge's writer), with the scored
 * chunks and the model versions in its footer, so that the file and its ledger are committed by the same rename.
 */
final class ScoredTableWriter implements BulkWriter<ScoredPart> {
    static final Schema SCHEMA = schema();
    private static final byte[][] OUTCOMES = outcomes();

    private final BufferAllocator allocator = new RootAllocator();
    private final ArrowParquetWriter parquet;
    private final List<IngestLedger.Entry> ledger = new ArrayList<>();
    private final Set<String> versions = new LinkedHashSet<>();

    ScoredTableWriter(FSDataOutputStream out, CompressionCodecName codec) throws IOException {
        this.parquet = new ArrowParquetWriter(new FlinkOutputFile(out), SCHEMA, codec);
    }

    private static Schema schema() {
        List<Field> fields = new ArrayList<>();
        fields.add(required(ScoredTableContract.SOURCE_FILE, ArrowType.Utf8.INSTANCE));
        fields.add(required(ScoredTableContract.ENTRY, new ArrowType.Int(64, true)));
        fields.add(required(ScoredTableContract.MODEL_VERSION, ArrowType.Utf8.INSTANCE));
        fields.add(required(ScoredTableContract.SELECTED, ArrowType.Bool.INSTANCE));
        fields.add(required(ScoredTableContract.OUTCOME, ArrowType.Utf8.INSTANCE));
        for (String p : ScoresContract.probabilities()) {
            fields.add(
                    new Field(p, FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null));
        }
        fields.add(required(ScoredTableContract.KEEP, ArrowType.Bool.INSTANCE));
        return new Schema(fields);
    }

    private static Field required(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    private static byte[][] outcomes() {
        ScoredTableContract.Outcome[] all = ScoredTableContract.Outcome.values();
        byte[][] b = new byte[all.length][];
        for (ScoredTableContract.Outcome o : all) {
            b[o.ordinal()] = o.label().getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    @Override
    public void addElement(ScoredPart part) throws IOException {
        int n = part.rows();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
            root.allocateNew();
            VarCharVector source = (VarCharVector) root.getVector(ScoredTableContract.SOURCE_FILE);
            BigIntVector entry = (BigIntVector) root.getVector(ScoredTableContract.ENTRY);
            VarCharVector version = (VarCharVector) root.getVector(ScoredTableContract.MODEL_VERSION);
            BitVector selected = (BitVector) root.getVector(ScoredTableContract.SELECTED);
            VarCharVector outcome = (VarCharVector) root.getVector(ScoredTableContract.OUTCOME);
            Float4Vector[] p = new Float4Vector[EventClass.COUNT];
            for (EventClass c : EventClass.values()) {
                p[c.label()] = (Float4Vector) root.getVector(ScoresContract.probability(c));
            }
            BitVector keep = (BitVector) root.getVector(ScoredTableContract.KEEP);
            byte[] v = part.modelVersion().getBytes(StandardCharsets.UTF_8);
            String lastSource = null;
            byte[] sourceBytes = null;
            for (int i = 0; i < n; i++) {
                if (!part.sourceFiles()[i].equals(lastSource)) {
                    lastSource = part.sourceFiles()[i];
                    sourceBytes = lastSource.getBytes(StandardCharsets.UTF_8);
                }
                source.setSafe(i, sourceBytes);
                entry.setSafe(i, part.entries()[i]);
                version.setSafe(i, v);
                boolean sel = part.outcomes()[i] == ScoredTableContract.Outcome.SELECTED.ordinal();
                selected.setSafe(i, sel ? 1 : 0);
                outcome.setSafe(i, OUTCOMES[part.outcomes()[i]]);
                for (int c = 0; c < EventClass.COUNT; c++) {
                    if (sel) {
                        p[c].setSafe(i, part.probabilities()[i * EventClass.COUNT + c]);
                    } else {
                        p[c].setNull(i);
                    }
                }
                keep.setSafe(i, part.keep()[i] ? 1 : 0);
            }
            root.setRowCount(n);
            parquet.write(root);
        }
        ledger.addAll(IngestLedger.decode(part.ledger()));
        versions.add(part.modelVersion());
    }

    @Override
    public void flush() {
        // Parquet cannot end a row group early without a new file; data reach the stream in finish()
    }

    @Override
    public void finish() throws IOException {
        try {
            parquet.putFooterMetadata(ScoredTableContract.LEDGER_KEY, IngestLedger.encode(ledger));
            parquet.putFooterMetadata(
                    ScoredTableContract.MODELS_KEY, ScoredTableContract.encodeModels(List.copyOf(versions)));
            parquet.close();
        } finally {
            allocator.close();
        }
    }
}
