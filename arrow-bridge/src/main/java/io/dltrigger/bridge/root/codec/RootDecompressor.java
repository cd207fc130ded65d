package io.dltrigger.bridge.root.codec;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import org.tukaani.xz.XZInputStream;

/**
 * Decompresses a ROOT record: a sequence of frames, each with a 9-byte header (two letters naming the
 * algorithm, a method byte, then the compressed and uncompressed sizes as 3-byte little-endian
 * integers), until the record's uncompressed size is reached. ZLIB, LZMA, LZ4 and ZSTD are supported;
 * each codec is a maintained library (java.util.zip, xz, lz4-java, zstd-jni).
 */
public final class RootDecompressor {
    static final int HEADER = 9;
    /** LZ4 frames carry an 8-byte xxHash64 checksum after the header, counted in the compressed size. */
    static final int LZ4_CHECKSUM = 8;

    private static final LZ4FastDecompressor LZ4 = LZ4Factory.fastestInstance().fastDecompressor();

    private RootDecompressor() {}

    public static byte[] decompress(ByteBuffer in, int compressedLen, int uncompressedLen) throws IOException {
        byte[] src = new byte[compressedLen];
        in.get(0, src, 0, compressedLen);
        byte[] out = new byte[uncompressedLen];
        int inPos = 0;
        int outPos = 0;
        while (outPos < uncompressedLen) {
            if (inPos + HEADER > compressedLen) {
                throw new IOException("compressed record ends after " + inPos + " of " + compressedLen + " bytes with "
                        + (uncompressedLen - outPos) + " bytes still to decompress");
            }
            Algorithm algo = Algorithm.of(src[inPos], src[inPos + 1]);
            int frameIn = u24(src, inPos + 3);
            int frameOut = u24(src, inPos + 6);
            int dataPos = inPos + HEADER;
            if (dataPos + frameIn > compressedLen || outPos + frameOut > uncompressedLen) {
                throw new IOException(algo + " frame at byte " + inPos + " claims " + frameIn + " -> " + frameOut
                        + " bytes, beyond the record (" + compressedLen + " -> " + uncompressedLen + ")");
            }
            int n = switch (algo) {
                case ZLIB -> inflate(src, dataPos, frameIn, out, outPos, frameOut);
                case LZMA -> unxz(src, dataPos, frameIn, out, outPos, frameOut);
                case LZ4 -> unlz4(src, dataPos + LZ4_CHECKSUM, out, outPos, frameOut);
                case ZSTD -> unzstd(src, dataPos, frameIn, out, outPos, frameOut);
            };
            if (n != frameOut) {
                throw new IOException(
                        algo + " frame at byte " + inPos + " decompressed to " + n + " bytes, expected " + frameOut);
            }
            inPos = dataPos + frameIn;
            outPos += frameOut;
        }
        return out;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }

    private static int inflate(byte[] src, int at, int len, byte[] out, int outAt, int outLen) throws IOException {
        Inflater inflater = new Inflater();
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
        } finally {
            inflater.end();
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
        long n = Zstd.decompressByteArray(out, outAt, outLen, src, at, len);
        if (Zstd.isError(n)) {
            throw new IOException("corrupt ZSTD frame: " + Zstd.getErrorName(n));
        }
        return (int) n;
    }

    enum Algorithm {
        ZLIB,
        LZMA,
        LZ4,
        ZSTD;

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
            String tag = new String(new byte[] {a, b}, java.nio.charset.StandardCharsets.ISO_8859_1);
            throw new IOException("unknown compression algorithm tag '" + printable(tag) + "' (corrupt data?)");
        }

        private static String printable(String s) {
            return s.codePoints().allMatch(c -> c >= 32 && c < 127)
                    ? s
                    : String.format("0x%02x%02x", (int) s.charAt(0), (int) s.charAt(1));
        }
    }
}
