package io.dltrigger.generator.rootio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A growable big-endian buffer in ROOT's streaming format (TBufferFile): byte counts, class tags and object
 * references. References are positions counted from the start of the key record the object will be written
 * in, as ROOT counts them, so the buffer is told where its first byte will sit ({@code origin}, the key
 * length).
 */
final class RootBuffer {
    static final int BYTE_COUNT_MASK = 0x40000000;
    private static final int CLASS_MASK = 0x80000000;
    private static final int NEW_CLASS_TAG = 0xFFFFFFFF;
    /** ROOT adds 2 to every map position so that a reference is never the null tag 0. */
    private static final int MAP_OFFSET = 2;

    private final int origin;
    private final Map<Object, Integer> objects = new IdentityHashMap<>();
    private final Map<String, Integer> classes = new HashMap<>();
    private byte[] buf;
    private int pos;

    RootBuffer(int origin, int capacity) {
        this.origin = origin;
        this.buf = new byte[Math.max(capacity, 64)];
    }

    int length() {
        return pos;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void bool(boolean v) {
        u8(v ? 1 : 0);
    }

    void i16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    void i32(int v) {
        ensure(4);
        putInt(pos, v);
        pos += 4;
    }

    void i64(long v) {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    void f32(float v) {
        i32(Float.floatToIntBits(v));
    }

    void f64(double v) {
        i64(Double.doubleToLongBits(v));
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** A TString: one length byte, or 255 and a 4-byte length for long strings, then the characters. */
    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length < 255) {
            u8(b.length);
        } else {
            u8(255);
            i32(b.length);
        }
        bytes(b);
    }

    static int stringSize(String s) {
        int n = s.getBytes(StandardCharsets.ISO_8859_1).length;
        return n < 255 ? 1 + n : 5 + n;
    }

    /** Starts a versioned object: reserves its byte count and writes the class version. */
    int begin(int version) {
        int start = pos;
        i32(0);
        i16(version);
        return start;
    }

    /** Ends an object started by {@link #begin}: the byte count covers everything after itself. */
    void end(int start) {
        putInt(start, (pos - start - 4) | BYTE_COUNT_MASK);
    }

    /** TObject's members as ROOT streams them (version 1, fUniqueID 0, the given fBits). */
    void tobject(int bits) {
        i16(1);
        i32(0);
        i32(bits);
    }

    /**
     * WriteObjectAny: null, a reference to an object already in this buffer, or the object itself after its
     * class (a new class name, or a reference to one written before).
     */
    void object(Object o, String className, Consumer<RootBuffer> body) {
        if (o == null) {
            i32(0);
            return;
        }
        Integer ref = objects.get(o);
        if (ref != null) {
            i32(ref);
            return;
        }
        int countPos = pos;
        i32(0);
        Integer classRef = classes.get(className);
        if (classRef != null) {
            i32(classRef | CLASS_MASK);
        } else {
            classes.put(className, origin + pos + MAP_OFFSET);
            i32(NEW_CLASS_TAG);
            bytes((className + '\0').getBytes(StandardCharsets.ISO_8859_1));
        }
        objects.put(o, origin + countPos + MAP_OFFSET);
        body.accept(this);
        putInt(countPos, (pos - countPos - 4) | BYTE_COUNT_MASK);
    }

    private void putInt(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }
}
