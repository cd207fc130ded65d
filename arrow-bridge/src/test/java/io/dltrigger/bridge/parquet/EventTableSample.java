package io.dltrigger.bridge.parquet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A batch shaped like the event table (non-null {@code source_file}, {@code entry}, and list&lt;float32&gt; /
 * list&lt;int32&gt; member columns) whose every cell is a formula of (row, column, index): lists of 0 to 34
 * values, extreme floats (negative zero, infinities, subnormals, the largest values) and ints. The
 * committed {@code testdata/parquet/event-table-sample.parquet} is this batch as ArrowParquetWriter writes
 * it; batch-features' {@code EventTableSampleTest} recomputes the same formula to check what Spark reads.
 */
final class EventTableSample {
    static final int ROWS = 400;
    static final String[] MEMBERS = {"Jet_PT", "Jet_Eta", "Jet_BTag", "Electron_PT", "Electron_Charge", "MissingET_MET"
    };
    static final boolean[] INTEGER = {false, false, true, false, true, false};
    private static final float[] EXTREME_FLOATS = {
        -0f,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Float.MIN_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        1e-40f,
        0f
    };

    private EventTableSample() {}

    static String sourceFile(int row) {
        return "file:/data/incoming/sample_" + row % 3 + ".root";
    }

    static long entry(int row) {
        return row * 1000L - 5;
    }

    static int length(int row, int column) {
        return Math.max(0, (row * 13 + column * 7) % 40 - 5);
    }

    static float floatValue(int row, int column, int i) {
        if ((row + i) % 97 == 0) {
            return EXTREME_FLOATS[(row + column + i) % EXTREME_FLOATS.length];
        }
        return (float) (StrictMath.sin(row * 0.37 + column * 1.1 + i * 0.013) * 1000);
    }

    static int intValue(int row, int column, int i) {
        if ((row + i) % 89 == 0) {
            return i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return (row * 7919 + column * 104729 + i * 31) % 200001 - 100000;
    }

    static Schema schema() {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.notNullable("source_file", ArrowType.Utf8.INSTANCE));
        fields.add(Field.notNullable("entry", new ArrowType.Int(64, true)));
        for (int c = 0; c < MEMBERS.length; c++) {
            ArrowType element = INTEGER[c]
                    ? new ArrowType.Int(32, true)
                    : new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            fields.add(new Field(
                    MEMBERS[c],
                    FieldType.notNullable(ArrowType.List.INSTANCE),
                    List.of(Field.notNullable("element", element))));
        }
        return new Schema(fields);
    }

    static VectorSchemaRoot batch(BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator);
        VarCharVector files = (VarCharVector) root.getVector(0);
        BigIntVector entries = (BigIntVector) root.getVector(1);
        for (int r = 0; r < ROWS; r++) {
            files.setSafe(r, sourceFile(r).getBytes(StandardCharsets.UTF_8));
            entries.setSafe(r, entry(r));
        }
        for (int c = 0; c < MEMBERS.length; c++) {
            ListVector list = (ListVector) root.getVector(2 + c);
            FieldVector data = list.getDataVector();
            int next = 0;
            for (int r = 0; r < ROWS; r++) {
                list.startNewValue(r);
                int n = length(r, c);
                for (int i = 0; i < n; i++) {
                    if (INTEGER[c]) {
                        ((IntVector) data).setSafe(next++, intValue(r, c, i));
                    } else {
                        ((Float4Vector) data).setSafe(next++, floatValue(r, c, i));
                    }
                }
                list.endValue(r, n);
            }
            data.setValueCount(next);
        }
        root.setRowCount(ROWS);
        return root;
    }
}
