package io.dltrigger.bench.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file of little-endian 4-byte values, the raw arrays that bench/physics-probe/probe.py reads (written by
 * {@code bench-features export-physics} and {@code bench-training export-table}), under a hidden temporary name
 * until {@link #commit()}; closed before that, the temporary file is deleted.
 */
public final class LittleEndianFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private boolean committed;

    public LittleEndianFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling("." + target.getFileName() + ".inprogress");
        this.stream = Files.newOutputStream(temp);
    }

    public void writeInt(int v) throws IOException {
        room();
        buffer.putInt(v);
    }

    public void floats(float[] values, int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            room();
            buffer.putFloat(values[i]);
        }
    }

    private void room() throws IOException {
        if (buffer.remaining() < Integer.BYTES) {
            flush();
        }
    }

    private void flush() throws IOException {
        stream.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    public void commit() throws IOException {
        flush();
        stream.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            stream.close();
            Files.deleteIfExists(temp);
        }
    }
}
