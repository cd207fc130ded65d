package io.dltrigger.bridge.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file: positioned reads of exact lengths. Safe for one thread at a time. The status is that of
 * the version opened (for XRootD and local files, the handle's own; over HTTP, the one stat before
 * the first read), so a caller can tell whether the file it planned from is the one it reads.
 */
public interface ByteSource extends AutoCloseable {
    String location();

    /** Size and modification time of the file as opened. */
    StorageEntry status();

    /**
     * Reads {@code length} bytes at {@code offset} into a new heap buffer (position 0, limit length).
     * Fails with {@link StorageException} if storage fails, and with {@link FileEndException} if the file
     * ends before {@code offset + length}.
     */
    ByteBuffer read(long offset, int length) throws IOException;

    @Override
    void close() throws IOException;
}
