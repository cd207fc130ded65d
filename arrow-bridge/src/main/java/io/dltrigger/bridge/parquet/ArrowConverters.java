package io.dltrigger.bridge.parquet;

import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;

/** Parquet record converters that write each value into an Arrow vector at the current position. */
final class ArrowConverters {
    private ArrowConverters() {}

    /** Converts one record into row {@code row} of the root; the row advances at the end of each record. */
    static final class RootConverter extends GroupConverter {
        private final Converter[] fields;
        private final java.util.List<ListConverter> lists = new java.util.ArrayList<>();
        private int row;

        RootConverter(VectorSchemaRoot root) {
            List<FieldVector> vectors = root.getFieldVectors();
            fields = new Converter[vectors.size()];
            for (int i = 0; i < fields.length; i++) {
                FieldVector v = vectors.get(i);
                if (v instanceof ListVector list) {
                    ListConverter c = new ListConverter(this, list);
                    lists.add(c);
                    fields[i] = c;
                } else {
                    fields[i] = new ValueConverter(v, this::row);
                }
            }
        }

        void startBatch() {
            row = 0;
            lists.forEach(l -> l.next = 0);
        }

        int row() {
            return row;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {
            for (ListConverter l : lists) {
                l.endRecord(row);
            }
            row++;
        }
    }

    /**
     * The LIST group: opens a list value at the current row, counts its elements, closes it. A null list
     * (the group absent from the record) and a null element (the element absent from its repeated group)
     * are written as nulls, so the offsets and values stay aligned.
     */
    private static final class ListConverter extends GroupConverter {
        private final RootConverter parent;
        private final ListVector vector;
        private final GroupConverter repeated;
        private int next;
        private int count;
        private boolean started;
        private boolean elementWritten;

        ListConverter(RootConverter parent, ListVector vector) {
            this.parent = parent;
            this.vector = vector;
            FieldVector data = vector.getDataVector();
            ValueConverter element = new ValueConverter(data, () -> {
                elementWritten = true;
                return next;
            });
            this.repeated = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return element;
                }

                @Override
                public void start() {
                    count++;
                    elementWritten = false;
                }

                @Override
                public void end() {
                    if (!elementWritten) {
                        data.setNull(next);
                    }
                    next++;
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            vector.startNewValue(parent.row());
            count = 0;
            started = true;
        }

        @Override
        public void end() {
            vector.endValue(parent.row(), count);
            vector.getDataVector().setValueCount(next);
        }

        /** At the end of a record: a list that was not in it is null. */
        void endRecord(int row) {
            if (!started) {
                vector.setNull(row);
            }
            started = false;
        }
    }

    private interface Position {
        int next();
    }

    /** Writes primitive values into a vector at the position its supplier gives. */
    private static final class ValueConverter extends PrimitiveConverter {
        private final FieldVector v;
        private final Position position;

        ValueConverter(FieldVector v, Position position) {
            this.v = v;
            this.position = position;
        }

        @Override
        public void addBoolean(boolean value) {
            ((BitVector) v).setSafe(position.next(), value ? 1 : 0);
        }

        @Override
        public void addInt(int value) {
            int i = position.next();
            if (v instanceof IntVector x) {
                x.setSafe(i, value);
            } else if (v instanceof SmallIntVector x) {
                x.setSafe(i, (short) value);
            } else if (v instanceof TinyIntVector x) {
                x.setSafe(i, (byte) value);
            } else if (v instanceof UInt4Vector x) {
                x.setSafe(i, value);
            } else if (v instanceof UInt2Vector x) {
                x.setSafe(i, (char) value);
            } else if (v instanceof UInt1Vector x) {
                x.setSafe(i, (byte) value);
            } else {
                throw new IllegalStateException("int value for " + v.getField());
            }
        }

        @Override
        public void addLong(long value) {
            int i = position.next();
            if (v instanceof BigIntVector x) {
                x.setSafe(i, value);
            } else if (v instanceof UInt8Vector x) {
                x.setSafe(i, value);
            } else {
                throw new IllegalStateException("long value for " + v.getField());
            }
        }

        @Override
        public void addFloat(float value) {
            ((Float4Vector) v).setSafe(position.next(), value);
        }

        @Override
        public void addDouble(double value) {
            ((Float8Vector) v).setSafe(position.next(), value);
        }

        @Override
        public void addBinary(Binary value) {
            ((VarCharVector) v).setSafe(position.next(), value.getBytes());
        }
    }
}
