package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.array.Array;
import io.dltrigger.shaded.laurelin.array.ArrayBuilder;
import io.dltrigger.shaded.laurelin.array.JaggedArray;
import io.dltrigger.shaded.laurelin.array.PrimitiveArray;
import io.dltrigger.shaded.laurelin.interpretation.AsDtype;
import io.dltrigger.shaded.laurelin.interpretation.AsJagged;
import io.dltrigger.shaded.laurelin.interpretation.Interpretation;
import io.dltrigger.shaded.laurelin.root_proxy.BasketReader;
import io.dltrigger.shaded.laurelin.root_proxy.ROOTFile;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * How one branch becomes one Arrow column: scalars become a primitive vector, fixed arrays a
 * FixedSizeList, and jagged branches (counter-sized arrays, std::vector, Delphes collection members)
 * a List. Columns are non-nullable: ROOT has no missing values.
 */
final class BranchColumns {
    private BranchColumns() {}

    static Field field(BranchInfo info) {
        Field element = new Field(
                ListVector.DATA_VECTOR_NAME,
                FieldType.notNullable(info.valueType().arrowType()),
                null);
        return switch (info.shape()) {
            case SCALAR ->
                new Field(info.name(), FieldType.notNullable(info.valueType().arrowType()), null);
            case FIXED ->
                new Field(
                        info.name(),
                        FieldType.notNullable(new ArrowType.FixedSizeList(info.fixedLength())),
                        List.of(element));
            case JAGGED -> new Field(info.name(), FieldType.notNullable(ArrowType.List.INSTANCE), List.of(element));
            case UNSUPPORTED -> throw new IllegalStateException(info.name() + " is unsupported");
        };
    }

    static FieldVector read(
            TBranch branch,
            long[] basketEntryOffsets,
            ROOTFile file,
            BranchInfo info,
            EntryRange range,
            BufferAllocator allocator) {
        int n = (int) range.size();
        Interpretation interpretation = switch (info.shape()) {
            case SCALAR -> new AsDtype(info.valueType().dtype());
            case FIXED -> new AsDtype(info.valueType().dtype(), List.of(info.fixedLength()));
            case JAGGED ->
                new AsJagged(
                        new AsDtype(info.valueType().dtype()),
                        branch.getArrayDescriptor().getSkipBytes());
            case UNSUPPORTED -> throw new IllegalStateException(info.name() + " is unsupported");
        };
        ArrayBuilder builder = new ArrayBuilder(
                new BasketReader(branch, file),
                interpretation,
                basketEntryOffsets,
                Runnable::run,
                range.start(),
                range.stop());
        Array array = builder.getArray(0, n);
        FieldVector vector = field(info).createVector(allocator);
        try {
            switch (info.shape()) {
                case SCALAR -> fill(vector, info.valueType(), array, n);
                case FIXED -> fillFixed((FixedSizeListVector) vector, info, array, n);
                case JAGGED -> fillJagged((ListVector) vector, info, (JaggedArray) array, n);
                default -> throw new IllegalStateException();
            }
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    private static void fill(FieldVector target, ValueType type, Array values, int n) {
        if (!(values instanceof PrimitiveArray p) || !ArrowFill.copyDirect(target, type, p.values(), n)) {
            ArrowFill.values(target, type, values.toArray(), n);
        }
    }

    private static void fillFixed(FixedSizeListVector vector, BranchInfo info, Array array, int n) {
        vector.setInitialCapacity(n);
        vector.allocateNew();
        fill(vector.getDataVector(), info.valueType(), array, n * info.fixedLength());
        ArrowFill.allValid(vector.getValidityBuffer(), n);
        vector.setValueCount(n);
    }

    private static void fillJagged(ListVector vector, BranchInfo info, JaggedArray array, int n) {
        int[] counts = (int[]) array.counts().toArray();
        Array content = array.content();
        int total = 0;
        vector.setInitialCapacity(n);
        vector.allocateNew();
        for (int i = 0; i < n; i++) {
            vector.startNewValue(i);
            total += counts[i];
            vector.endValue(i, counts[i]);
        }
        fill(vector.getDataVector(), info.valueType(), content, total);
        vector.setValueCount(n);
    }
}
