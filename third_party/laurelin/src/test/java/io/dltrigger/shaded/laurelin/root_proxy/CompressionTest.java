package io.dltrigger.shaded.laurelin.root_proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import com.github.luben.zstd.Zstd;

import net.jpountz.lz4.LZ4Factory;

/** ROOT records built frame by frame with each codec's own compressor, decoded back by Compression. */
class CompressionTest {
    private static final byte[] DATA = data(100_000);

    private static byte[] data(int n) {
        // compressible but not trivial: small integers, as in a basket of counts or charges
        Random random = new Random(7);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(8);
        }
        return b;
    }

    @Test
    void decodesEveryAlgorithmAndMixedFrames() throws IOException {
        for (String algo : new String[] {"ZL", "XZ", "L4", "ZS"}) {
            byte[] record = frame(algo, DATA, 0, DATA.length);
            assertArrayEquals(DATA, Compression.decompress(ByteBuffer.wrap(record), record.length, DATA.length), algo);
        }
        int half = DATA.length / 2;
        byte[] mixed = concat(frame("ZS", DATA, 0, half), frame("ZL", DATA, half, DATA.length - half));
        assertArrayEquals(DATA, Compression.decompress(ByteBuffer.wrap(mixed), mixed.length, DATA.length));
    }

    @Test
    void decodesFromASliceAndIntoALargerBuffer() throws IOException {
        byte[] record = frame("ZS", DATA, 0, DATA.length);
        byte[] padded = concat(new byte[] {1, 2, 3}, record);
        ByteBuffer slice = ByteBuffer.wrap(padded).position(3).slice();
        byte[] out = new byte[DATA.length + 10];
        Compression.decompress(slice, record.length, out, DATA.length);
        assertArrayEquals(DATA, Arrays.copyOf(out, DATA.length));
    }

    @Test
    void reportsCorruptData() throws IOException {
        byte[] record = frame("ZL", DATA, 0, DATA.length);
        byte[] unknown = record.clone();
        unknown[0] = 'Q';
        assertMessage(unknown, record.length, DATA.length, "unknown compression algorithm tag 'QL'");

        byte[] garbage = record.clone();
        Arrays.fill(garbage, Compression.HEADER, Compression.HEADER + 20, (byte) 0x55);
        assertMessage(garbage, record.length, DATA.length, "corrupt ZLIB frame");

        byte[] zstd = frame("ZS", DATA, 0, DATA.length);
        Arrays.fill(zstd, Compression.HEADER, Compression.HEADER + 8, (byte) 0x55);
        assertMessage(zstd, zstd.length, DATA.length, "corrupt ZSTD frame");

        assertMessage(record, record.length - 1, DATA.length, "beyond the record");
        assertMessage(record, record.length, DATA.length + 1, "still to decompress");
    }

    private static void assertMessage(byte[] record, int compressedLen, int uncompressedLen, String expected) {
        IOException e = assertThrows(IOException.class,
                () -> Compression.decompress(ByteBuffer.wrap(record), compressedLen, uncompressedLen));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** One ROOT frame: tag, method byte, 3-byte little-endian compressed and uncompressed sizes, payload. */
    private static byte[] frame(String algo, byte[] data, int off, int len) throws IOException {
        byte[] chunk = Arrays.copyOfRange(data, off, off + len);
        byte[] payload;
        switch (algo) {
            case "ZL":
                Deflater deflater = new Deflater();
                deflater.setInput(chunk);
                deflater.finish();
                byte[] buf = new byte[len + 1024];
                int n = deflater.deflate(buf);
                deflater.end();
                payload = Arrays.copyOf(buf, n);
                break;
            case "XZ":
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options())) {
                    xz.write(chunk);
                }
                payload = bytes.toByteArray();
                break;
            case "L4":
                // ROOT puts an 8-byte checksum before the LZ4 block; the decoder skips it
                payload = concat(new byte[Compression.LZ4_CHECKSUM], LZ4Factory.fastestInstance().fastCompressor().compress(chunk));
                break;
            case "ZS":
                payload = Zstd.compress(chunk);
                break;
            default:
                throw new IllegalArgumentException(algo);
        }
        byte[] header = {(byte) algo.charAt(0), (byte) algo.charAt(1), 0,
            (byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16),
            (byte) len, (byte) (len >> 8), (byte) (len >> 16)};
        return concat(header, payload);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
