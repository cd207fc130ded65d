package io.dltrigger.shaded.laurelin.root_proxy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.tukaani.xz.XZInputStream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * Decompresses a ROOT record: a sequence of frames, each with a 9-byte
 * header (two letters naming the algorithm, a method byte, then the
 * compressed and uncompressed sizes as 3-byte little-endian integers), until
 * the record's uncompressed size is reached.
 *
 * <p>DLTrigger fork: upstream decoded ZLIB, LZMA and LZ4 only (a ZSTD file
 * failed at open, since even its streamer record is compressed), and printed
 * corrupt frames and went on with a partly filled buffer. Here ZSTD is decoded
 * with zstd-jni, and every inconsistency (unknown algorithm, a frame beyond
 * the record, a frame that decodes to the wrong size, corrupt data) raises an
 * IOException that says what was wrong.
 */
public class Compression {
    static final int HEADER = 9;

    /** LZ4 frames carry an 8-byte xxHash64 checksum after the header, counted in the compressed size. */
    static final int LZ4_CHECKSUM = 8;

    private static final LZ4FastDecompressor LZ4 = LZ4Factory.fastestInstance().fastDecompressor();

    /** The algorithms of ROOT's frame headers. */
    public enum Algorithm {
        ZLIB, LZMA, LZ4, ZSTD;

        static Algorithm of(byte a, byte b) throws IOException {
            if (a == 'Z' && b == 'L') {
                return ZLIB;
            } else if (a == 'X' && b == 'Z') {
                return LZMA;
            } else if (a == 'L' && b == '4') {
                return LZ4;
            } else if (a == 'Z' && b == 'S') {
                return ZSTD;
            } else if (a == 'C' && b == 'S') {
                throw new IOException("ROOT's old 'CS' compression algorithm is not supported");
            }
            throw new IOException("unknown compression algorithm tag " + printable(a, b) + " (corrupt data?)");
        }

        private static String printable(byte a, byte b) {
            if (a >= 32 && a < 127 && b >= 32 && b < 127) {
                return "'" + new String(new byte[] {a, b}, StandardCharsets.ISO_8859_1) + "'";
            }
            return String.format("0x%02x%02x", a & 0xff, b & 0xff);
        }
    }

    private Compression() {
    }

    static ByteBuffer decompressBytes(ByteBuffer in, int compressedSize, int decompressedSize) throws IOException {
        return ByteBuffer.wrap(decompress(in, compressedSize, decompressedSize));
    }

    /**
     * Decompresses the record whose compressed bytes start at index 0 of
     * {@code in} (its position is ignored and left unchanged).
     *
     * @param in the compressed record
     * @param compressedLen the record's compressed size
     * @param uncompressedLen the record's uncompressed size
     * @return the uncompressed bytes
     * @throws IOException if the record is corrupt or uses an unsupported algorithm
     */
    public static byte[] decompress(ByteBuffer in, int compressedLen, int uncompressedLen) throws IOException {
        byte[] out = new byte[uncompressedLen];
        decompress(in, compressedLen, out, uncompressedLen);
        return out;
    }

    /**
     * Decompresses the record whose compressed bytes start at index 0 of
     * {@code in} into the first {@code uncompressedLen} bytes of {@code out},
     * so that a caller can reuse one output buffer for many records.
     *
     * @param in the compressed record (its position is ignored and left unchanged)
     * @param compressedLen the record's compressed size
     * @param out where the uncompressed bytes go, at least uncompressedLen long
     * @param uncompressedLen the record's uncompressed size
     * @throws IOException if the record is corrupt or uses an unsupported algorithm
     */
    public static void decompress(ByteBuffer in, int compressedLen, byte[] out, int uncompressedLen) throws IOException {
        if (in.capacity() < compressedLen) {
            throw new IOException("compressed record of " + compressedLen + " bytes given in a buffer of " + in.capacity());
        }
        byte[] src;
        int base;
        if (in.hasArray()) {
            src = in.array();
            base = in.arrayOffset();
        } else {
            src = new byte[compressedLen];
            in.get(0, src, 0, compressedLen);
            base = 0;
        }
        Inflater inflater = null;
        try {
            int inPos = 0;
            int outPos = 0;
            while (outPos < uncompressedLen) {
                if (inPos + HEADER > compressedLen) {
                    throw new IOException("compressed record ends after " + inPos + " of " + compressedLen
                            + " bytes with " + (uncompressedLen - outPos) + " bytes still to decompress");
                }
                int at = base + inPos;
                Algorithm algo = Algorithm.of(src[at], src[at + 1]);
                int frameIn = u24(src, at + 3);
                int frameOut = u24(src, at + 6);
                int dataPos = at + HEADER;
                if (inPos + HEADER + frameIn > compressedLen || outPos + frameOut > uncompressedLen) {
                    throw new IOException(algo + " frame at byte " + inPos + " claims " + frameIn + " -> " + frameOut
                            + " bytes, beyond the record (" + compressedLen + " -> " + uncompressedLen + ")");
                }
                int n;
                switch (algo) {
                    case ZLIB:
                        if (inflater == null) {
                            inflater = new Inflater();
                        } else {
                            inflater.reset();
                        }
                        n = inflate(inflater, src, dataPos, frameIn, out, outPos, frameOut);
                        break;
                    case LZMA:
                        n = unxz(src, dataPos, frameIn, out, outPos, frameOut);
                        break;
                    case LZ4:
                        n = unlz4(src, dataPos + LZ4_CHECKSUM, out, outPos, frameOut);
                        break;
                    case ZSTD:
                        n = unzstd(src, dataPos, frameIn, out, outPos, frameOut);
                        break;
                    default:
                        throw new AssertionError(algo);
                }
                if (n != frameOut) {
                    throw new IOException(algo + " frame at byte " + inPos + " decompressed to " + n
                            + " bytes, expected " + frameOut);
                }
                inPos += HEADER + frameIn;
                outPos += frameOut;
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }

    private static int inflate(Inflater inflater, byte[] src, int at, int len, byte[] out, int outAt, int outLen)
            throws IOException {
        try {
            inflater.setInput(src, at, len);
            int n = 0;
            while (n < outLen && !inflater.finished()) {
                int k = inflater.inflate(out, outAt + n, outLen - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += k;
            }
            return n;
        } catch (DataFormatException e) {
            throw new IOException("corrupt ZLIB frame: " + e.getMessage(), e);
        }
    }

    private static int unxz(byte[] src, int at, int len, byte[] out, int outAt, int outLen) throws IOException {
        try (XZInputStream xz = new XZInputStream(new ByteArrayInputStream(src, at, len))) {
            int n = 0;
            while (n < outLen) {
                int k = xz.read(out, outAt + n, outLen - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            return n;
        } catch (IOException e) {
            throw new IOException("corrupt LZMA frame: " + e.getMessage(), e);
        }
    }

    private static int unlz4(byte[] src, int at, byte[] out, int outAt, int outLen) throws IOException {
        try {
            LZ4.decompress(src, at, out, outAt, outLen);
            return outLen;
        } catch (LZ4Exception e) {
            throw new IOException("corrupt LZ4 frame: " + e.getMessage(), e);
        }
    }

    private static int unzstd(byte[] src, int at, int len, byte[] out, int outAt, int outLen) throws IOException {
        try {
            // zstd-jni reports errors by exception in current versions, by return code in older ones
            long n = Zstd.decompressByteArray(out, outAt, outLen, src, at, len);
            if (Zstd.isError(n)) {
                throw new IOException("corrupt ZSTD frame: " + Zstd.getErrorName(n));
            }
            return (int) n;
        } catch (ZstdException e) {
            throw new IOException("corrupt ZSTD frame: " + e.getMessage(), e);
        }
    }
}
