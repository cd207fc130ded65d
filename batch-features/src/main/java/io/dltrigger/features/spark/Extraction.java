package io.dltrigger.features.spark;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.EventProcessor;
import io.dltrigger.features.physics.Features;
import io.dltrigger.features.physics.Field;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Selection and features over a partition of the projected event table ({@link EventTableReader#project}), as
 * Catalyst rows: each input list is copied into the reused {@link EventBuffer} and processed in place,
 * so the only per-event allocations are the output values. Output rows follow {@link #STAGE_SCHEMA}: the
 * particle list holds the real rows only (n_particles x 19, unscaled), packed as the bytes of the floats
 * in one binary value: this stage is internal, and Parquet writes a binary value at once where a list is
 * written element by element (the profile's top cost). Padding is added by {@link FinalRows}.
 *
 * <p>Every event gives a row: a dropped one with its {@link #OUTCOME} and no features. The summary's drop
 * counts are counted from the committed stage, not with accumulators, which count again whenever Spark
 * runs a task again (a recomputed stage, a speculative copy), so that the counts are those of the data.
 */
public final class Extraction implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
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

    public Extraction(FeaturesConfig config) {
        this.config = config;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        EventProcessor processor = new EventProcessor(
                config.cuts(), config.leptonChoice(), config.mtForm(), config.particleOrder(), config.isolation());
        EventBuffer buffer = new EventBuffer();
        return new Iterator<>() {
            private InternalRow next;

            @Override
            public boolean hasNext() {
                if (next == null && input.hasNext()) {
                    next = process(input.next(), buffer, processor);
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

    private InternalRow process(InternalRow row, EventBuffer buffer, EventProcessor processor) {
        fill(row, buffer);
        EventProcessor.Outcome outcome;
        try {
            buffer.checkSizes();
            outcome = processor.process(buffer);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "event " + row.getUTF8String(EventTableReader.SOURCE_FILE) + " entry "
                            + row.getLong(EventTableReader.ENTRY) + ": " + e.getMessage(),
                    e);
        }
        if (outcome == EventProcessor.Outcome.EMPTY_MAP || outcome == EventProcessor.Outcome.NO_LEPTON) {
            return new GenericInternalRow(new Object[] {
                row.getUTF8String(EventTableReader.SOURCE_FILE).clone(),
                row.getLong(EventTableReader.ENTRY),
                row.getInt(EventTableReader.LABEL),
                outcome == EventProcessor.Outcome.EMPTY_MAP ? DROPPED_EMPTY_MAP : DROPPED_NO_LEPTON,
                null,
                null,
                0
            });
        }
        int n = processor.rows();
        return new GenericInternalRow(new Object[] {
            row.getUTF8String(EventTableReader.SOURCE_FILE).clone(),
            row.getLong(EventTableReader.ENTRY),
            row.getInt(EventTableReader.LABEL),
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
