package io.dltrigger.bridge.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Writes one top-level Arrow column (a primitive, or a list of primitives) into its Parquet column,
 * a range of rows at a time. The repetition and definition levels are computed per list from the
 * vector's offsets and validity, and the values are then handed to parquet-java's {@link ColumnWriter}
 * in one tight loop per physical type, read from a bulk copy of the Arrow data buffer: no records, no
 * per-value schema walk (parquet-java's record consumer spent about three quarters of the ingest's time
 * there).
 *
 * <p>Levels of the standard three-level LIST ({@code [optional|required] group (LIST) { repeated group
 * list { [optional|required] element } }}): a null list has definition level 0, an empty list the
 * level of the group (1 if optional, else 0), a null element one below the maximum, a value the
 * maximum; the first element of a list has repetition level 0, the others 1.
 */
final class ArrowColumn {
    private final ColumnDescriptor descriptor;
    private final boolean list;
    private final boolean nullable;
    private final boolean elementNullable;
    private final int maxDef;
    private final Values values;

    /** Per level of the current range: repetition, definition, and the value's index (-1: null). */
    private int[] rep = new int[1024];

    private int[] def = new int[1024];
    private int[] index = new int[1024];
    private int levels;
    private int[] offsets = new int[1024];

    ArrowColumn(Field field, ColumnDescriptor descriptor) {
        this.descriptor = descriptor;
        ArrowType type = field.getType();
        this.list = type instanceof ArrowType.List || type instanceof ArrowType.FixedSizeList;
        this.nullable = field.isNullable();
        Field leaf = list ? field.getChildren().get(0) : field;
        this.elementNullable = list && leaf.isNullable();
        this.maxDef = descriptor.getMaxDefinitionLevel();
        this.values = Values.of(leaf, descriptor);
    }

    ColumnDescriptor descriptor() {
        return descriptor;
    }

    /** Writes rows {@code [from, to)} of {@code vector} (this column's vector) to {@code out}. */
    void write(FieldVector vector, int from, int to, ColumnWriter out) {
        levels = 0;
        FieldVector data;
        if (list) {
            data = listLevels(vector, from, to);
        } else {
            data = vector;
            primitiveLevels(vector, from, to);
        }
        values.write(data, rep, def, index, levels, maxDef, out);
    }

    private void primitiveLevels(FieldVector v, int from, int to) {
        int n = to - from;
        ensure(n);
        boolean checkNulls = nullable && v.getNullCount() > 0;
        for (int i = 0; i < n; i++) {
            int row = from + i;
            rep[i] = 0;
            if (checkNulls && v.isNull(row)) {
                def[i] = 0;
                index[i] = -1;
            } else {
                def[i] = maxDef;
                index[i] = row;
            }
        }
        levels = n;
    }

    /** Fills the levels of rows {@code [from, to)} of a list vector; returns its element vector. */
    private FieldVector listLevels(FieldVector v, int from, int to) {
        FieldVector data;
        int rows = to - from;
        if (offsets.length < rows + 1) {
            offsets = new int[Math.max(rows + 1, offsets.length * 2)];
        }
        if (v instanceof ListVector l) {
            data = l.getDataVector();
            ByteBuffer b = nio(l.getOffsetBuffer(), (long) from * Integer.BYTES, (rows + 1) * Integer.BYTES);
            b.asIntBuffer().get(offsets, 0, rows + 1);
        } else {
            FixedSizeListVector f = (FixedSizeListVector) v;
            data = f.getDataVector();
            int size = f.getListSize();
            for (int i = 0; i <= rows; i++) {
                offsets[i] = (from + i) * size;
            }
        }
        ensure(offsets[rows] - offsets[0] + rows);
        boolean checkLists = nullable && v.getNullCount() > 0;
        boolean checkElements = elementNullable && data.getNullCount() > 0;
        int emptyDef = nullable ? 1 : 0;
        int t = 0;
        for (int i = 0; i < rows; i++) {
            int start = offsets[i];
            int end = offsets[i + 1];
            if (checkLists && v.isNull(from + i)) {
                rep[t] = 0;
                def[t] = 0;
                index[t++] = -1;
            } else if (start == end) {
                rep[t] = 0;
                def[t] = emptyDef;
                index[t++] = -1;
            } else {
                for (int j = start; j < end; j++) {
                    rep[t] = j == start ? 0 : 1;
                    if (checkElements && data.isNull(j)) {
                        def[t] = maxDef - 1;
                        index[t++] = -1;
                    } else {
                        def[t] = maxDef;
                        index[t++] = j;
                    }
                }
            }
        }
        levels = t;
        return data;
    }

    private void ensure(int n) {
        if (rep.length < n) {
            int size = Math.max(n, rep.length * 2);
            rep = new int[size];
            def = new int[size];
            index = new int[size];
        }
    }

    static ByteBuffer nio(ArrowBuf buf, long offset, int length) {
        return buf.nioBuffer(offset, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Hands the values at the level indexes to the column writer. One subclass per Parquet physical type;
     * fixed-width values are first copied in bulk from the Arrow buffer into a reused array.
     */
    private abstract static class Values {
        static Values of(Field leaf, ColumnDescriptor d) {
            ArrowType t = leaf.getType();
            if (!(t instanceof ArrowType.Int
                    || t instanceof ArrowType.FloatingPoint
                    || t instanceof ArrowType.Bool
                    || t instanceof ArrowType.Utf8)) {
                throw new IllegalArgumentException(
                        "cannot write Arrow field " + leaf + " as Parquet column " + String.join(".", d.getPath()));
            }
            return switch (d.getPrimitiveType().getPrimitiveTypeName()) {
                case FLOAT -> new Floats();
                case DOUBLE -> new Doubles();
                case INT32 -> new Ints();
                case INT64 -> new Longs();
                case BOOLEAN -> new Booleans();
                case BINARY -> new Strings();
                default -> throw new IllegalArgumentException("no writer for Parquet column " + d);
            };
        }

        abstract void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out);

        /** The smallest and one past the largest value index among the levels, or {@code {0, 0}}. */
        static int[] range(int[] index, int n) {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x >= 0) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            return hi < 0 ? new int[] {0, 0} : new int[] {lo, hi + 1};
        }
    }

    private static final class Floats extends Values {
        private float[] buf = new float[0];

        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            int[] r = range(index, n);
            int lo = r[0];
            int count = r[1] - lo;
            if (buf.length < count) {
                buf = new float[Math.max(count, buf.length * 2)];
            }
            if (count > 0) {
                Float4Vector v = (Float4Vector) data;
                nio(v.getDataBuffer(), (long) lo * Float.BYTES, count * Float.BYTES)
                        .asFloatBuffer()
                        .get(buf, 0, count);
            }
            float[] a = buf;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(a[x - lo], rep[t], maxDef);
                }
            }
        }
    }

    private static final class Doubles extends Values {
        private double[] buf = new double[0];

        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            int[] r = range(index, n);
            int lo = r[0];
            int count = r[1] - lo;
            if (buf.length < count) {
                buf = new double[Math.max(count, buf.length * 2)];
            }
            if (count > 0) {
                Float8Vector v = (Float8Vector) data;
                nio(v.getDataBuffer(), (long) lo * Double.BYTES, count * Double.BYTES)
                        .asDoubleBuffer()
                        .get(buf, 0, count);
            }
            double[] a = buf;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(a[x - lo], rep[t], maxDef);
                }
            }
        }
    }

    /** INT32: 32-bit vectors copied in bulk (an unsigned one keeps its bits), narrower ones widened. */
    private static final class Ints extends Values {
        private int[] buf = new int[0];

        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            int[] r = range(index, n);
            int lo = r[0];
            int count = r[1] - lo;
            if (buf.length < count) {
                buf = new int[Math.max(count, buf.length * 2)];
            }
            if (count > 0) {
                if (data instanceof IntVector || data instanceof UInt4Vector) {
                    nio(data.getDataBuffer(), (long) lo * Integer.BYTES, count * Integer.BYTES)
                            .asIntBuffer()
                            .get(buf, 0, count);
                } else {
                    BaseIntVector v = (BaseIntVector) data;
                    for (int i = 0; i < count; i++) {
                        buf[i] = data.isNull(lo + i) ? 0 : (int) v.getValueAsLong(lo + i);
                    }
                }
            }
            int[] a = buf;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(a[x - lo], rep[t], maxDef);
                }
            }
        }
    }

    private static final class Longs extends Values {
        private long[] buf = new long[0];

        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            int[] r = range(index, n);
            int lo = r[0];
            int count = r[1] - lo;
            if (buf.length < count) {
                buf = new long[Math.max(count, buf.length * 2)];
            }
            if (count > 0) {
                if (!(data instanceof BigIntVector || data instanceof UInt8Vector)) {
                    throw new IllegalArgumentException("64-bit column from Arrow vector " + data.getField());
                }
                nio(data.getDataBuffer(), (long) lo * Long.BYTES, count * Long.BYTES)
                        .asLongBuffer()
                        .get(buf, 0, count);
            }
            long[] a = buf;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(a[x - lo], rep[t], maxDef);
                }
            }
        }
    }

    private static final class Booleans extends Values {
        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            BitVector v = (BitVector) data;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(v.get(x) != 0, rep[t], maxDef);
                }
            }
        }
    }

    private static final class Strings extends Values {
        @Override
        void write(FieldVector data, int[] rep, int[] def, int[] index, int n, int maxDef, ColumnWriter out) {
            VarCharVector v = (VarCharVector) data;
            for (int t = 0; t < n; t++) {
                int x = index[t];
                if (x < 0) {
                    out.writeNull(rep[t], def[t]);
                } else {
                    out.write(Binary.fromConstantByteArray(v.get(x)), rep[t], maxDef);
                }
            }
        }
    }
}
