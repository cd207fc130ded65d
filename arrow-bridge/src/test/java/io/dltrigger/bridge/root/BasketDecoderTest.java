package io.dltrigger.bridge.root;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.shaded.laurelin.array.Array;
import io.dltrigger.shaded.laurelin.array.ArrayBuilder;
import io.dltrigger.shaded.laurelin.array.JaggedArray;
import io.dltrigger.shaded.laurelin.array.PrimitiveArray;
import io.dltrigger.shaded.laurelin.interpretation.AsDtype;
import io.dltrigger.shaded.laurelin.interpretation.AsDtype.Dtype;
import io.dltrigger.shaded.laurelin.interpretation.AsJagged;
import io.dltrigger.shaded.laurelin.interpretation.Interpretation;
import io.dltrigger.shaded.laurelin.root_proxy.BasketReader;
import io.dltrigger.shaded.laurelin.root_proxy.TBranch;
import io.dltrigger.testing.TestData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader decodes baskets itself (BasketDecoder); Laurelin's ArrayBuilder and interpretations, which it
 * replaced, are the oracle here: every readable branch of every real file in testdata/root, over the whole tree and over ranges
 * that start and end inside baskets, must give the same counts and the same values, bit for bit.
 */
class BasketDecoderTest {
    static List<String> files() {
        return TestData.rootFileNames();
    }

    @ParameterizedTest
    @MethodSource("files")
    void matchesLaurelinsArrayBuilderOnEveryBranchAndRange(String fileName) throws Exception {
        try (RootFile file = RootFile.open(TestData.rootFile(fileName).toString());
                BufferAllocator allocator = new RootAllocator()) {
            int compared = 0;
            for (String treeName : file.treeNames()) {
                RootTree tree = file.tree(treeName);
                long n = tree.entries();
                List<EntryRange> ranges = new ArrayList<>(List.of(new EntryRange(0, n)));
                if (n > 3) {
                    ranges.add(new EntryRange(1, n - 1));
                    ranges.add(new EntryRange(n / 3, n / 3 + Math.max(1, n / 5)));
                }
                for (BranchInfo info : tree.branches()) {
                    if (!info.supported()) {
                        continue;
                    }
                    TBranch branch = tree.laurelinBranch(info.name());
                    for (EntryRange range : ranges) {
                        try (FieldVector ours = BranchColumns.read(
                                branch, branch.getBasketEntryOffsets(), file.bytes(), info, range, allocator)) {
                            compare(info, range, ours, laurelin(file, branch, info, range));
                            compared++;
                        }
                    }
                }
            }
            assertTrue(compared > 0, "no branch compared in " + fileName);
        }
    }

    private static Array laurelin(RootFile file, TBranch branch, BranchInfo info, EntryRange range) {
        AsDtype values = info.shape() == BranchInfo.Shape.FIXED
                ? new AsDtype(dtype(info.valueType()), List.of(info.fixedLength()))
                : new AsDtype(dtype(info.valueType()));
        Interpretation interpretation = info.shape() == BranchInfo.Shape.JAGGED
                ? new AsJagged(values, branch.getArrayDescriptor().getSkipBytes())
                : values;
        return new ArrayBuilder(
                        new BasketReader(branch, file.bytes()),
                        interpretation,
                        branch.getBasketEntryOffsets(),
                        Runnable::run,
                        range.start(),
                        range.stop())
                .getArray(0, (int) range.size());
    }

    private static void compare(BranchInfo info, EntryRange range, FieldVector ours, Array theirs) {
        String what = info.name() + " " + range;
        assertEquals(range.size(), ours.getValueCount(), what);
        FieldVector values = ours;
        PrimitiveArray expected;
        if (ours instanceof ListVector list) {
            JaggedArray jagged = (JaggedArray) theirs;
            int[] counts = (int[]) jagged.counts().toArray();
            int[] ourCounts = new int[counts.length];
            for (int i = 0; i < counts.length; i++) {
                ourCounts[i] = list.getOffsetBuffer().getInt(4L * (i + 1))
                        - list.getOffsetBuffer().getInt(4L * i);
            }
            assertArrayEquals(counts, ourCounts, what + " counts");
            values = list.getDataVector();
            expected = (PrimitiveArray) jagged.content();
        } else if (ours instanceof FixedSizeListVector list) {
            values = list.getDataVector();
            expected = (PrimitiveArray) theirs;
        } else {
            expected = (PrimitiveArray) theirs;
        }
        assertArrayEquals(arrowBytes(info.valueType(), expected), ourBytes(info.valueType(), values), what + " values");
    }

    /** Laurelin's decoded values (big-endian, unsigned types widened) as Arrow lays them out. */
    private static byte[] arrowBytes(ValueType type, PrimitiveArray decoded) {
        ByteBuffer in = decoded.values();
        int memoryWidth = memoryWidth(type);
        int count = in.remaining() / memoryWidth;
        if (type == ValueType.BOOL) {
            byte[] bits = new byte[(count + 7) / 8];
            for (int i = 0; i < count; i++) {
                if (in.get(in.position() + i) != 0) {
                    bits[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return bits;
        }
        ByteBuffer out = ByteBuffer.allocate(count * type.width()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            int at = in.position() + i * memoryWidth;
            long v = switch (memoryWidth) {
                case 1 -> in.get(at);
                case 2 -> in.getShort(at);
                case 4 -> in.getInt(at);
                default -> in.getLong(at);
            };
            switch (type.width()) {
                case 1 -> out.put((byte) v);
                case 2 -> out.putShort((short) v);
                case 4 -> out.putInt((int) v);
                default -> out.putLong(v);
            }
        }
        return out.array();
    }

    private static byte[] ourBytes(ValueType type, FieldVector values) {
        int count = values.getValueCount();
        int bytes = type == ValueType.BOOL ? (count + 7) / 8 : count * type.width();
        byte[] out = new byte[bytes];
        ((BaseFixedWidthVector) values).getDataBuffer().getBytes(0, out);
        if (values instanceof BitVector && count % 8 != 0) {
            out[bytes - 1] &= (byte) ((1 << (count % 8)) - 1); // bits past the count are not values
        }
        return out;
    }

    private static int memoryWidth(ValueType type) {
        return switch (type) {
            case UINT8 -> 2;
            case UINT16 -> 4;
            case UINT32 -> 8;
            default -> type.width();
        };
    }

    private static Dtype dtype(ValueType type) {
        return switch (type) {
            case BOOL -> Dtype.BOOL;
            case INT8 -> Dtype.INT1;
            case INT16 -> Dtype.INT2;
            case INT32 -> Dtype.INT4;
            case INT64 -> Dtype.INT8;
            case UINT8 -> Dtype.UINT1;
            case UINT16 -> Dtype.UINT2;
            case UINT32 -> Dtype.UINT4;
            case UINT64 -> Dtype.UINT8;
            case FLOAT32 -> Dtype.FLOAT4;
            case FLOAT64 -> Dtype.FLOAT8;
        };
    }
}
