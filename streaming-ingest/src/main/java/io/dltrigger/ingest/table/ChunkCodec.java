package io.dltrigger.ingest.table;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/** The chunk's wire form between source and sink: its member columns as one Arrow IPC stream. */
public final class ChunkCodec {
    private ChunkCodec() {}

    public static byte[] encode(VectorSchemaRoot members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(members, null, Channels.newChannel(bytes))) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        return bytes.toByteArray();
    }

    /** Decodes a chunk's member columns; the caller closes the reader, which owns the batch. */
    public static ArrowStreamReader decode(byte[] ipc, BufferAllocator allocator) throws IOException {
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator);
        if (!reader.loadNextBatch()) {
            reader.close();
            throw new IOException("empty chunk payload");
        }
        return reader;
    }
}
