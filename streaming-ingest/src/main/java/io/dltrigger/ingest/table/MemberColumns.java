package io.dltrigger.ingest.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Turns the reader's batch (fields named like branches, {@code Jet.PT}) into the table's member columns
 * ({@code Jet_PT}), checking each branch's type, by moving or sharing buffers rather than copying values.
 */
public final class MemberColumns {
    private static final ArrowType UINT32 = new ArrowType.Int(32, false);
    private final EventTableSchema schema;

    public MemberColumns(EventTableSchema schema) {
        this.schema = schema;
    }

    /** A batch whose branch is missing or has the wrong type: the file is quarantined with this reason. */
    public static final class ChunkFormatException extends Exception {
        ChunkFormatException(String message) {
            super(message);
        }
    }

    /**
     * @param expectedRows entries the chunk covers; a batch of another length is refused
     * @return a new batch owning the member columns; the branch batch is left empty
     */
    public VectorSchemaRoot fromBranches(VectorSchemaRoot branches, long expectedRows, BufferAllocator allocator)
            throws ChunkFormatException {
        if (branches.getRowCount() != expectedRows) {
            throw new ChunkFormatException(
                    "the reader returned " + branches.getRowCount() + " rows for " + expectedRows + " entries");
        }
        List<FieldVector> columns = new ArrayList<>();
        try {
            for (MemberColumn m : schema.members()) {
                FieldVector source = branches.getVector(m.branch());
                if (source == null) {
                    throw new ChunkFormatException("branch " + m.branch() + " is missing from the batch");
                }
                boolean unsigned = checkType(m, source.getField());
                FieldVector column =
                        (FieldVector) EventTableSchema.columnField(m).createVector(allocator);
                columns.add(column);
                if (unsigned) {
                    shareAsSigned((ListVector) source, (ListVector) column);
                } else {
                    source.makeTransferPair(column).transfer();
                }
            }
            VectorSchemaRoot result = new VectorSchemaRoot(columns);
            result.setRowCount(branches.getRowCount());
            columns.clear();
            return result;
        } finally {
            columns.forEach(FieldVector::close);
        }
    }

    /** @return whether the branch holds unsigned 32-bit ints, stored as int32 */
    private static boolean checkType(MemberColumn m, Field f) throws ChunkFormatException {
        ArrowType expected = m.integer() ? EventTableSchema.INT32 : EventTableSchema.FLOAT32;
        boolean list = f.getType() instanceof ArrowType.List && f.getChildren().size() == 1;
        ArrowType element = list ? f.getChildren().get(0).getType() : null;
        boolean unsigned = m.integer() && UINT32.equals(element);
        if (!list || !(expected.equals(element) || unsigned)) {
            String actual = f.getChildren().isEmpty()
                    ? f.getType().toString()
                    : f.getType() + "<" + f.getChildren().get(0).getType() + ">";
            throw new ChunkFormatException(
                    "branch " + m.branch() + " reads as " + actual + ", expected " + EventTableSchema.typeName(m));
        }
        return unsigned;
    }

    /**
     * Delphes stores some integer members as UInt_t (Jet.BTag is a bit mask): the table keeps them as
     * int32 with the same bits, so the buffers are shared as they are, not converted.
     */
    private static void shareAsSigned(ListVector source, ListVector column) {
        column.loadFieldBuffers(
                new ArrowFieldNode(source.getValueCount(), source.getNullCount()),
                List.of(source.getValidityBuffer(), source.getOffsetBuffer()));
        FieldVector values = source.getDataVector();
        column.getDataVector()
                .loadFieldBuffers(
                        new ArrowFieldNode(values.getValueCount(), values.getNullCount()),
                        List.of(values.getValidityBuffer(), values.getDataBuffer()));
    }
}
