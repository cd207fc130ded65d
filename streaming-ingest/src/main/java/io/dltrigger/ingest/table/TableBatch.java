package io.dltrigger.ingest.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One batch of event-table rows: provenance columns ({@code source_file}, {@code entry}) made here, member
 * columns borrowed from the caller, who keeps owning (and closes) them.
 */
public final class TableBatch implements AutoCloseable {
    private final VarCharVector sourceFile;
    private final BigIntVector entry;
    private final VectorSchemaRoot root;

    public TableBatch(
            Schema schema, String file, long firstEntry, VectorSchemaRoot members, BufferAllocator allocator) {
        int rows = members.getRowCount();
        sourceFile = (VarCharVector) schema.getFields().get(0).createVector(allocator);
        entry = (BigIntVector) schema.getFields().get(1).createVector(allocator);
        byte[] name = file.getBytes(StandardCharsets.UTF_8);
        sourceFile.allocateNew((long) name.length * rows, rows);
        entry.allocateNew(rows);
        for (int i = 0; i < rows; i++) {
            sourceFile.set(i, name);
            entry.set(i, firstEntry + i);
        }
        sourceFile.setValueCount(rows);
        entry.setValueCount(rows);
        List<FieldVector> vectors = new ArrayList<>();
        vectors.add(sourceFile);
        vectors.add(entry);
        vectors.addAll(members.getFieldVectors());
        root = new VectorSchemaRoot(schema.getFields(), vectors, rows);
    }

    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public void close() {
        sourceFile.close();
        entry.close();
    }
}
