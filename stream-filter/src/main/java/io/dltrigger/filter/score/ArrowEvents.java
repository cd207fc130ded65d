package io.dltrigger.filter.score;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.Field;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The event table's columns, as the features kernel reads them: the list column of each {@link Field} (its branch
 * from the model's features configuration, e.g. {@code MuonTight_PT}) copied into the kernel's {@link EventBuffer}
 * straight from the Arrow buffers. A missing column or one of another type is refused naming the part file.
 */
final class ArrowEvents {
    private final VarCharVector sourceFile;
    private final BigIntVector entry;
    private final ListVector[] lists = new ListVector[Field.all().length];
    private byte[] lastSource = new byte[0];
    private String lastSourceString = "";

    ArrowEvents(VectorSchemaRoot root, FeaturesConfig features, String partFile) {
        this.sourceFile = vector(root, EventTableContract.SOURCE_FILE, VarCharVector.class, partFile);
        this.entry = vector(root, EventTableContract.ENTRY, BigIntVector.class, partFile);
        for (Field f : Field.all()) {
            String name = EventTableContract.memberColumn(features.branch(f.collection()), f.member());
            ListVector list = vector(root, name, ListVector.class, partFile);
            Class<?> element = f.integer() ? IntVector.class : Float4Vector.class;
            if (!element.isInstance(list.getDataVector())) {
                throw new IllegalArgumentException(partFile + ": column " + name + " holds "
                        + list.getDataVector().getField().getType() + ", the features need list<"
                        + (f.integer() ? "int32" : "float32") + ">");
            }
            lists[f.ordinal()] = list;
        }
    }

    private static <T extends FieldVector> T vector(VectorSchemaRoot root, String name, Class<T> type, String file) {
        FieldVector v = root.getVector(name);
        if (v == null) {
            throw new IllegalArgumentException(file + " has no column " + name + " (the model's features read it)");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(
                    file + ": column " + name + " is " + v.getField().getType() + ", expected " + type.getSimpleName());
        }
        return type.cast(v);
    }

    /** The row's source file; the same String while consecutive rows name the same file. */
    String sourceFile(int row) {
        byte[] b = sourceFile.get(row);
        if (!java.util.Arrays.equals(b, lastSource)) {
            lastSource = b;
            lastSourceString = new String(b, StandardCharsets.UTF_8);
        }
        return lastSourceString;
    }

    long entry(int row) {
        return entry.get(row);
    }

    /** Copies the row's lists into the buffer (a null list is empty). */
    void fill(int row, EventBuffer buffer) {
        for (Field f : Field.all()) {
            ListVector list = lists[f.ordinal()];
            int start = list.isNull(row) ? 0 : list.getElementStartIndex(row);
            int n = list.isNull(row) ? 0 : list.getElementEndIndex(row) - start;
            ArrowBuf data = list.getDataVector().getDataBuffer();
            if (f.integer()) {
                int[] dst = buffer.intsFor(f, n);
                for (int i = 0; i < n; i++) {
                    dst[i] = data.getInt((long) (start + i) * Integer.BYTES);
                }
            } else {
                float[] dst = buffer.floatsFor(f, n);
                for (int i = 0; i < n; i++) {
                    dst[i] = data.getFloat((long) (start + i) * Float.BYTES);
                }
            }
        }
    }
}
