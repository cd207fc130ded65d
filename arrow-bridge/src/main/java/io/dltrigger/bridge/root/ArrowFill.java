package io.dltrigger.bridge.root;

import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies a decoded Java array into a fixed-width Arrow vector in bulk (no per-value objects). Laurelin
 * widens unsigned types in memory (uint8 as short, ...), so values are narrowed to the Arrow width.
 */
final class ArrowFill {
    private ArrowFill() {}

    static void values(FieldVector target, ValueType type, Object source, int n) {
        BaseFixedWidthVector v = (BaseFixedWidthVector) target;
        v.allocateNew(n);
        if (type == ValueType.BOOL) {
            // Laurelin decodes bool as one byte per value
            BitVector bits = (BitVector) v;
            for (int i = 0; i < n; i++) {
                bits.set(i, source instanceof boolean[] b ? (b[i] ? 1 : 0) : (((byte[]) source)[i] != 0 ? 1 : 0));
            }
            bits.setValueCount(n);
            return;
        }
        ArrowBuf data = v.getDataBuffer();
        var buf = data.nioBuffer(0, n * type.width()).order(ByteOrder.LITTLE_ENDIAN);
        if (source instanceof float[] f) {
            buf.asFloatBuffer().put(f, 0, n);
        } else if (source instanceof double[] d) {
            buf.asDoubleBuffer().put(d, 0, n);
        } else if (source instanceof int[] a && type.width() == 4) {
            buf.asIntBuffer().put(a, 0, n);
        } else if (source instanceof long[] a && type.width() == 8) {
            buf.asLongBuffer().put(a, 0, n);
        } else if (source instanceof short[] a && type.width() == 2) {
            buf.asShortBuffer().put(a, 0, n);
        } else if (source instanceof byte[] a && type.width() == 1) {
            buf.put(a, 0, n);
        } else {
            narrow(data, type.width(), source, n);
        }
        allValid(v.getValidityBuffer(), n);
        v.setValueCount(n);
    }

    /**
     * Copies signed integer and floating-point values straight from Laurelin's decoded (big-endian)
     * buffer into the Arrow buffer: one bulk pass, no intermediate Java array. Other types go through
     * {@link #values}.
     */
    static boolean copyDirect(FieldVector target, ValueType type, java.nio.ByteBuffer source, int n) {
        if (type == ValueType.BOOL || type.unsigned()) {
            return false;
        }
        BaseFixedWidthVector v = (BaseFixedWidthVector) target;
        v.allocateNew(n);
        var dst = v.getDataBuffer().nioBuffer(0, n * type.width()).order(ByteOrder.LITTLE_ENDIAN);
        var src = source.duplicate().order(source.order());
        src.limit(src.position() + n * type.width());
        switch (type) {
            case FLOAT32 -> dst.asFloatBuffer().put(src.asFloatBuffer());
            case FLOAT64 -> dst.asDoubleBuffer().put(src.asDoubleBuffer());
            case INT32 -> dst.asIntBuffer().put(src.asIntBuffer());
            case INT64 -> dst.asLongBuffer().put(src.asLongBuffer());
            case INT16 -> dst.asShortBuffer().put(src.asShortBuffer());
            default -> dst.put(src);
        }
        allValid(v.getValidityBuffer(), n);
        v.setValueCount(n);
        return true;
    }

    static void allValid(ArrowBuf validity, int n) {
        validity.setOne(0, BitVectorHelper.getValidityBufferSize(n));
    }

    private static void narrow(ArrowBuf data, int width, Object source, int n) {
        for (int i = 0; i < n; i++) {
            long x;
            if (source instanceof byte[] a) {
                x = a[i];
            } else if (source instanceof short[] a) {
                x = a[i];
            } else if (source instanceof int[] a) {
                x = a[i];
            } else if (source instanceof long[] a) {
                x = a[i];
            } else {
                throw new IllegalStateException("unexpected decoded array " + source.getClass());
            }
            switch (width) {
                case 1 -> data.setByte(i, (byte) x);
                case 2 -> data.setShort((long) i * 2, (short) x);
                case 4 -> data.setInt((long) i * 4, (int) x);
                default -> data.setLong((long) i * 8, x);
            }
        }
    }
}
