package io.dltrigger.features.spark;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.EventProcessor;
import io.dltrigger.features.physics.Features;
import io.dltrigger.features.physics.Field;
import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Selection and features over the event table, a partition at a time: each event's lists are copied into the
 * reused {@link EventBuffer} and processed in place, so the only per-event allocations are the output
 * values. Events come straight from Spark's columnar batches when its Parquet scan yields them
 * ({@link ColumnarEvents}): the lists are copied from the column vectors once, where Spark's rows would
 * first copy every list into an {@code UnsafeRow} value by value (a fifth of the job's time); otherwise
 * they come as rows of {@link EventTableReader#project}. Output rows follow {@link #STAGE_SCHEMA}: the
 * particle list holds the real rows only (n_particles x 19, unscaled), packed as the bytes of the floats in
 * one binary value: this stage is internal, and Parquet writes a binary value at once where a list is
 * written element by element. Padding is added by {@link FinalRows}.
 *
 * <p>Every event gives a row: a dropped one with its {@link #OUTCOME} and no features. The summary's drop
 * counts are counted from the committed stage, not with accumulators, which count again whenever Spark
 * runs a task again (a recomputed stage, a speculative copy), so that the counts are those of the data.
 */
public final class Extraction implements Serializable {
    /** Stage column: {@link #SELECTED}, or why the event was dropped. */
    public static final String OUTCOME = "outcome";

    public static final int SELECTED = 0;
    public static final int DROPPED_EMPTY_MAP = 1;
    public static final int DROPPED_NO_LEPTON = 2;

    public static final StructType STAGE_SCHEMA =
            DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
                EventTableReader.field(FeaturesTableContract.SOURCE_FILE, DataTypes.StringType),
                EventTableReader.field(FeaturesTableContract.ENTRY, DataTypes.LongType),
                EventTableReader.field(FeaturesTableContract.LABEL, DataTypes.IntegerType),
                EventTableReader.field(OUTCOME, DataTypes.IntegerType),
                // no features for a dropped event
                DataTypes.createStructField(
                        FeaturesTableContract.HLF, DataTypes.createArrayType(DataTypes.FloatType, false), true),
                DataTypes.createStructField(FeaturesTableContract.PARTICLES, DataTypes.BinaryType, true),
                EventTableReader.field(FeaturesTableContract.N_PARTICLES, DataTypes.IntegerType)
            });

    private final FeaturesConfig config;

    private Extraction(FeaturesConfig config) {
        this.config = config;
    }

    /** Every event of the event table, as a stage row: its outcome, and the features of a selected one. */
    public static JavaRDD<InternalRow> processed(Dataset<Row> table, FeaturesConfig config) {
        Extraction extraction = new Extraction(config);
        Optional<ColumnarEvents> columnar = ColumnarEvents.of(table, config);
        if (columnar.isPresent()) {
            ColumnarEvents events = columnar.get();
            return events.batches().mapPartitions(batches -> extraction.select(events.cursor(batches)));
        }
        return EventTableReader.project(table, config)
                .queryExecution()
                .toRdd()
                .toJavaRDD()
                .mapPartitions(rows -> extraction.select(new RowCursor(rows)));
    }

    /** A partition's events, one at a time, copied into a buffer. */
    interface EventCursor {
        /** Copies the next event's lists into {@code buffer}; false at the end of the partition. */
        boolean next(EventBuffer buffer);

        UTF8String sourceFile();

        long entry();

        int label();
    }

    /** Events as rows of {@link EventTableReader#project}. */
    private static final class RowCursor implements EventCursor {
        private final Iterator<InternalRow> rows;
        private InternalRow row;

        RowCursor(Iterator<InternalRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean next(EventBuffer buffer) {
            if (!rows.hasNext()) {
                return false;
            }
            row = rows.next();
            fill(row, buffer);
            return true;
        }

        @Override
        public UTF8String sourceFile() {
            return row.getUTF8String(EventTableReader.SOURCE_FILE);
        }

        @Override
        public long entry() {
            return row.getLong(EventTableReader.ENTRY);
        }

        @Override
        public int label() {
            return row.getInt(EventTableReader.LABEL);
        }
    }

    private Iterator<InternalRow> select(EventCursor events) {
        EventProcessor processor = new EventProcessor(
                config.cuts(), config.leptonChoice(), config.mtForm(), config.particleOrder(), config.isolation());
        EventBuffer buffer = new EventBuffer();
        return new Iterator<>() {
            private InternalRow next;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (next == null && !exhausted) {
                    if (events.next(buffer)) {
                        next = process(events, buffer, processor);
                    } else {
                        exhausted = true;
                    }
                }
                return next != null;
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InternalRow r = next;
                next = null;
                return r;
            }
        };
    }

    private InternalRow process(EventCursor event, EventBuffer buffer, EventProcessor processor) {
        EventProcessor.Outcome outcome;
        try {
            buffer.checkSizes();
            outcome = processor.process(buffer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "event " + event.sourceFile() + " entry " + event.entry() + ": " + e.getMessage(), e);
        }
        if (outcome == EventProcessor.Outcome.EMPTY_MAP || outcome == EventProcessor.Outcome.NO_LEPTON) {
            return new GenericInternalRow(new Object[] {
                event.sourceFile().clone(),
                event.entry(),
                event.label(),
                outcome == EventProcessor.Outcome.EMPTY_MAP ? DROPPED_EMPTY_MAP : DROPPED_NO_LEPTON,
                null,
                null,
                0
            });
        }
        int n = processor.rows();
        return new GenericInternalRow(new Object[] {
            event.sourceFile().clone(),
            event.entry(),
            event.label(),
            SELECTED,
            UnsafeArrayData.fromPrimitiveArray(processor.hlf()),
            PackedFloats.pack(processor.particles(), n * Features.N_PARTICLE),
            n
        });
    }

    /** Copies the event's lists into the buffer, element by element (no intermediate arrays). */
    public static void fill(InternalRow row, EventBuffer buffer) {
        Field[] fields = Field.all();
        for (int k = 0; k < fields.length; k++) {
            Field f = fields[k];
            int ordinal = EventTableReader.FIRST_FIELD + k;
            ArrayData a = row.isNullAt(ordinal) ? null : row.getArray(ordinal);
            int n = a == null ? 0 : a.numElements();
            if (f.integer()) {
                int[] dst = buffer.intsFor(f, n);
                for (int i = 0; i < n; i++) {
                    dst[i] = a.getInt(i);
                }
            } else {
                float[] dst = buffer.floatsFor(f, n);
                for (int i = 0; i < n; i++) {
                    dst[i] = a.getFloat(i);
                }
            }
        }
    }
}
