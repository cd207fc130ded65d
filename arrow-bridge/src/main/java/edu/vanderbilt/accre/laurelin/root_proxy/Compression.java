package edu.vanderbilt.accre.laurelin.root_proxy;

import io.dltrigger.bridge.root.codec.RootDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Replaces Laurelin 1.0.1's class of the same name (left out when its core is repackaged, see the
 * module pom). Laurelin calls this for every compressed record and basket; we delegate to
 * {@link RootDecompressor}, which adds ZSTD and fails on corrupt frames instead of printing them.
 */
public final class Compression {
    private Compression() {}

    static ByteBuffer decompressBytes(ByteBuffer compressed, int compressedLen, int uncompressedLen)
            throws IOException {
        return ByteBuffer.wrap(RootDecompressor.decompress(compressed, compressedLen, uncompressedLen));
    }
}
