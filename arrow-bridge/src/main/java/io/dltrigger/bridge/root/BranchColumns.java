package io.dltrigger.bridge.root;

import io.dltrigger.shaded.laurelin.root_proxy.BasketReader;
import io.dltrigger.shaded.laurelin.root_proxy.ROOTFile;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
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
        BasketDecoder decoder =
                new BasketDecoder(new BasketReader(branch, file), basketEntryOffsets, info.valueType(), info.name());
        int n = (int) range.size();
        FieldVector vector = field(info).createVector(allocator);
        try {
            switch (info.shape()) {
                case SCALAR -> {
                    try (BasketDecoder.Decoded d = decoder.fixed(range, 1, allocator)) {
                        load(vector, n, d.values());
                    }
                }
                case FIXED -> {
                    try (BasketDecoder.Decoded d = decoder.fixed(range, info.fixedLength(), allocator)) {
                        FixedSizeListVector list = (FixedSizeListVector) vector;
                        try (ArrowBuf validity = allValid(n, allocator)) {
                            list.loadFieldBuffers(new ArrowFieldNode(n, 0), List.of(validity));
                        }
                        load(list.getDataVector(), d.valueCount(), d.values());
                    }
                }
                case JAGGED -> {
                    int skip = branch.getArrayDescriptor().getSkipBytes();
                    try (BasketDecoder.Decoded d = decoder.jagged(range, skip, allocator);
                            ArrowBuf validity = allValid(n, allocator)) {
                        ListVector list = (ListVector) vector;
                        list.loadFieldBuffers(new ArrowFieldNode(n, 0), List.of(validity, d.offsets()));
                        load(list.getDataVector(), d.valueCount(), d.values());
                    }
                }
                default -> throw new IllegalStateException(info.name() + " is unsupported");
            }
            return vector;
        } catch (RuntimeException e) {
            vector.close();
            throw e;
        }
    }

    /** Hands decoded values (and offsets) to a vector; the vector keeps its own references. */
    private static void load(FieldVector values, long count, ArrowBuf data) {
        try (ArrowBuf validity = allValid(count, values.getAllocator())) {
            values.loadFieldBuffers(new ArrowFieldNode(count, 0), List.of(validity, data));
        }
    }

    private static ArrowBuf allValid(long count, BufferAllocator allocator) {
        ArrowBuf validity = allocator.buffer(BitVectorHelper.getValidityBufferSize(Math.toIntExact(count)));
        validity.setOne(0, validity.capacity());
        return validity;
    }
}
