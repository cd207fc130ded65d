package io.dltrigger.generator.rootio;

import java.util.zip.Deflater;

/**
 * ROOT's compressed record format for zlib: the object cut into blocks of at most 16 MiB - 1, each written as
 * a 9-byte header ("ZL", method 8, compressed and uncompressed sizes as 3-byte little-endian numbers)
 * followed by a zlib stream. One instance reuses its Deflaters and output buffer; not thread-safe.
 *
 * <p>Float columns are deflated with the Huffman-only strategy: string matching finds almost nothing in
 * float mantissas, and skipping it deflates them about 3.5 times faster to the same size (measured on
 * physics-like columns: 0.89 of the input either way). Integer columns (charges, PIDs, counts) repeat, and
 * keep the full strategy. Both are ordinary zlib streams for any reader.
 */
final class ZlibBlocks implements AutoCloseable {
    private static final int HEADER = 9;
    private static final int MAX_BLOCK = 0xFFFFFF;

    private final Deflater full;
    private final Deflater huffmanOnly;
    private byte[] out = new byte[1 << 16];
    private int length;

    ZlibBlocks(int level) {
        this.full = new Deflater(level);
        this.huffmanOnly = new Deflater(level);
        huffmanOnly.setStrategy(Deflater.HUFFMAN_ONLY);
    }

    /**
     * Compresses {@code src[0, len)}, holding floats if {@code floats}. Returns false when that would not save
     * space, in which case ROOT's convention is to store the object uncompressed (readers then see
     * objlen == nbytes - keylen).
     */
    boolean compress(byte[] src, int len, boolean floats) {
        Deflater deflater = floats ? huffmanOnly : full;
        if (out.length < len) {
            out = new byte[len];
        }
        length = 0;
        for (int from = 0; from < len; from += MAX_BLOCK) {
            int n = Math.min(MAX_BLOCK, len - from);
            int room = len - length - HEADER; // stop as soon as the result would not be smaller
            if (room <= 0) {
                return false;
            }
            deflater.reset();
            deflater.setInput(src, from, n);
            deflater.finish();
            int c = 0;
            while (!deflater.finished()) {
                int got = deflater.deflate(out, length + HEADER + c, room - c);
                c += got;
                if (c == room && !deflater.finished()) {
                    return false;
                }
            }
            writeHeader(length, c, n);
            length += HEADER + c;
        }
        return length < len;
    }

    /** The compressed bytes of the last successful {@link #compress}, in the first {@link #length()} bytes. */
    byte[] output() {
        return out;
    }

    int length() {
        return length;
    }

    private void writeHeader(int at, int compressed, int uncompressed) {
        out[at] = 'Z';
        out[at + 1] = 'L';
        out[at + 2] = Deflater.DEFLATED;
        out[at + 3] = (byte) compressed;
        out[at + 4] = (byte) (compressed >>> 8);
        out[at + 5] = (byte) (compressed >>> 16);
        out[at + 6] = (byte) uncompressed;
        out[at + 7] = (byte) (uncompressed >>> 8);
        out[at + 8] = (byte) (uncompressed >>> 16);
    }

    @Override
    public void close() {
        full.end();
        huffmanOnly.end();
    }
}
