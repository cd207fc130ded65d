package io.dltrigger.bridge.root;

import io.dltrigger.bridge.io.ByteSource;
import io.dltrigger.bridge.io.FileEndException;
import io.dltrigger.shaded.laurelin.root_proxy.FileInterface;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;

/**
 * Laurelin's view of a {@link ByteSource}: the one way bytes reach the decoder, whatever the storage. A
 * read beyond the end of the file (a corrupt pointer, or a file cut while open) fails as
 * {@link TruncatedReadException} with the numbers.
 */
final class LaurelinFile implements FileInterface {
    private final ByteSource source;
    private final long size;

    LaurelinFile(ByteSource source) {
        this.source = source;
        this.size = source.status().size();
    }

    @Override
    public ByteBuffer read(long offset, long len) throws IOException {
        if (offset < 0 || len < 0 || offset + len > size) {
            // the file has the length its header declares (checked at open): a pointer beyond it is corrupt
            throw new TruncatedReadException(source.location(), size, offset, len, false);
        }
        if (len > Integer.MAX_VALUE) {
            throw new IOException(source.location() + ": a single read of " + len + " bytes (> 2 GB)");
        }
        try {
            return source.read(offset, (int) len);
        } catch (FileEndException e) {
            // the file shrank since it was opened
            throw new TruncatedReadException(source.location(), e.fileEnd(), offset, len, true);
        }
    }

    @Override
    public ByteBuffer[] readv(int[] offsets, int[] lens) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Future<ByteBuffer> readAsync(int offset, int len) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Future<ByteBuffer>[] readvAsync(int[] offsets, int[] lens) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    public long getLimit() {
        return size;
    }
}
