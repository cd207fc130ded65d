package io.dltrigger.features.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A {@code required group (LIST) { repeated group list { required float element } }} column, encoded a
 * page at a time from float arrays: the values are copied in bulk into the page (PLAIN is the floats'
 * little-endian bytes), the levels are written as runs (a list of n values is one repetition-level 0, a run
 * of n - 1 ones, and n definition-level ones), and min/max come from one loop over the values. The page
 * goes to parquet-java's {@link PageWriter} (which compresses it and keeps the column and offset indexes),
 * exactly as its column writer would hand it over, with the same encodings and statistics; only the
 * per-value calls through parquet-java's value writers (and, in Spark's writer, its record consumer) are
 * gone, which were most of the features job's time.
 *
 * <p>Pages end at a row boundary once they hold {@code pageSize} bytes of values.
 */
final class FloatListColumn {
    private final ColumnDescriptor descriptor;
    private final int pageSize;
    private PageWriter pages;

    private byte[] values = new byte[1 << 16];
    private int valueBytes;
    private final Levels repetition = new Levels();
    private final Levels definition = new Levels();
    private int rows;
    private int levelCount;
    private int emptyLists;
    private float min;
    private float max;
    private boolean hasValue;
    private boolean sawNaN;

    FloatListColumn(ColumnDescriptor descriptor, int pageSize) {
        if (descriptor.getMaxRepetitionLevel() != 1 || descriptor.getMaxDefinitionLevel() != 1) {
            throw new IllegalArgumentException(
                    "not a required list of required values: " + String.join(".", descriptor.getPath()));
        }
        this.descriptor = descriptor;
        this.pageSize = pageSize;
    }

    ColumnDescriptor descriptor() {
        return descriptor;
    }

    /** The page writer of the current row group (its column chunk). */
    void startRowGroup(PageWriter pageWriter) {
        this.pages = pageWriter;
    }

    /** Appends one row: the list {@code list[0, n)}. */
    void write(float[] list, int n) throws IOException {
        if (n == 0) {
            repetition.add(0, 1);
            definition.add(0, 1);
            emptyLists++;
            levelCount++;
        } else {
            repetition.add(0, 1);
            if (n > 1) {
                repetition.add(1, n - 1);
            }
            definition.add(1, n);
            levelCount += n;
            appendValues(list, n);
        }
        rows++;
        if (valueBytes >= pageSize) {
            flushPage();
        }
    }

    private void appendValues(float[] list, int n) {
        int bytes = n * Float.BYTES;
        if (values.length - valueBytes < bytes) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valueBytes + bytes));
        }
        ByteBuffer.wrap(values, valueBytes, bytes)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .put(list, 0, n);
        valueBytes += bytes;
        // The same comparisons, in the same order, as parquet-java's FloatStatistics.updateStats.
        int i = 0;
        if (!hasValue) {
            min = list[0];
            max = list[0];
            hasValue = true;
            i = 1;
        }
        float lo = min;
        float hi = max;
        boolean nan = false;
        for (; i < n; i++) {
            float v = list[i];
            nan |= v != v;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        nan |= list[0] != list[0];
        min = lo;
        max = hi;
        sawNaN |= nan;
    }

    /** Bytes held for this column in the current row group: written pages and the page being filled. */
    long bufferedSize() {
        return (pages == null ? 0 : pages.getMemSize()) + valueBytes + repetition.size() + definition.size();
    }

    /** Writes the page being filled, if any (at the end of a row group). */
    void flushPage() throws IOException {
        if (rows == 0) {
            return;
        }
        Statistics<?> stats = Statistics.createStats(descriptor.getPrimitiveType());
        if (sawNaN) {
            // parquet-java's statistics treat NaN in their own way: give them every value, as its writer does
            ByteBuffer b = ByteBuffer.wrap(values, 0, valueBytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < valueBytes; i += Float.BYTES) {
                stats.updateStats(b.getFloat(i));
            }
        } else if (hasValue) {
            stats.updateStats(min);
            stats.updateStats(max);
        }
        stats.incrementNumNulls(emptyLists);
        pages.writePage(
                BytesInput.concat(
                        repetition.bytesWithLength(),
                        definition.bytesWithLength(),
                        BytesInput.from(values, 0, valueBytes)),
                levelCount,
                rows,
                stats,
                Encoding.RLE,
                Encoding.RLE,
                Encoding.PLAIN);
        valueBytes = 0;
        repetition.reset();
        definition.reset();
        rows = 0;
        levelCount = 0;
        emptyLists = 0;
        hasValue = false;
        sawNaN = false;
    }

    /**
     * Levels of bit width 1 in Parquet's RLE/bit-packing hybrid, as RLE runs only ({@code varint(count << 1)}
     * then the value in one byte), merged while the value repeats; V1 pages prefix them with their length
     * (4 bytes, little-endian).
     */
    private static final class Levels {
        private byte[] bytes = new byte[256];
        private int size = 4; // room for the length prefix
        private int value = -1;
        private long count;

        void add(int v, int n) {
            if (v == value) {
                count += n;
            } else {
                endRun();
                value = v;
                count = n;
            }
        }

        private void endRun() {
            if (count == 0) {
                return;
            }
            if (bytes.length - size < 16) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            long header = count << 1;
            while ((header & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((header & 0x7F) | 0x80);
                header >>>= 7;
            }
            bytes[size++] = (byte) header;
            bytes[size++] = (byte) value;
            count = 0;
        }

        int size() {
            return size;
        }

        BytesInput bytesWithLength() {
            endRun();
            int length = size - 4;
            bytes[0] = (byte) length;
            bytes[1] = (byte) (length >>> 8);
            bytes[2] = (byte) (length >>> 16);
            bytes[3] = (byte) (length >>> 24);
            return BytesInput.from(Arrays.copyOf(bytes, size));
        }

        void reset() {
            size = 4;
            value = -1;
            count = 0;
        }
    }
}
