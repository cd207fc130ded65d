package io.dltrigger.features.testing;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import io.dltrigger.generator.physics.EventGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Writes generated events as an event table with the ingest stage's layout (README, "Data contracts"):
 * {@code TABLE/sample=NAME/ingest_date=DATE/part-*.parquet}, columns source_file, entry and one list column
 * per Delphes member. For benchmarks and tests only; real tables come from the ingest stage.
 */
public final class GeneratedEventTable {
    public static final String INGEST_DATE = "2026-01-01";

    private GeneratedEventTable() {}

    /** The table schema, with the partition columns sample and ingest_date last. */
    public static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("entry", DataTypes.LongType, false));
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            for (Member m : c.members()) {
                fields.add(DataTypes.createStructField(
                        c.name() + "_" + m.name(),
                        DataTypes.createArrayType(m.integer() ? DataTypes.IntegerType : DataTypes.FloatType, false),
                        false));
            }
        }
        fields.add(DataTypes.createStructField("sample", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("ingest_date", DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /** As a Catalyst row: lists as unsafe arrays copied straight from the primitive arrays (no boxing). */
    public static InternalRow internalRow(DelphesEvent e, String sample, String sourceFile, long entry) {
        List<Object> values = new ArrayList<>();
        values.add(UTF8String.fromString(sourceFile));
        values.add(entry);
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            for (Member m : c.members()) {
                values.add(
                        m.integer()
                                ? UnsafeArrayData.fromPrimitiveArray(e.ints(c.name(), m.name()))
                                : UnsafeArrayData.fromPrimitiveArray(e.floats(c.name(), m.name())));
            }
        }
        values.add(UTF8String.fromString(sample));
        values.add(UTF8String.fromString(INGEST_DATE));
        return new GenericInternalRow(values.toArray());
    }

    public static Row row(DelphesEvent e, String sample, String sourceFile, long entry) {
        List<Object> values = new ArrayList<>();
        values.add(sourceFile);
        values.add(entry);
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            for (Member m : c.members()) {
                values.add(m.integer() ? e.ints(c.name(), m.name()) : e.floats(c.name(), m.name()));
            }
        }
        values.add(sample);
        values.add(INGEST_DATE);
        return RowFactory.create(values.toArray());
    }

    /** Appends hand-made events of one sample, entries 0.. of {@code sourceFile}, to the table. */
    public static void append(
            SparkSession spark, String table, String sample, String sourceFile, List<DelphesEvent> events) {
        List<InternalRow> rows = new ArrayList<>(events.size());
        for (DelphesEvent e : events) {
            rows.add(internalRow(e, sample, sourceFile, rows.size()));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        spark.internalCreateDataFrame(sc.parallelize(rows, 1).rdd(), schema(), false)
                .write()
                .mode(SaveMode.Append)
                .partitionBy("sample", "ingest_date")
                .parquet(table);
    }

    /**
     * Generates {@code perSample} events of every sample inside Spark tasks (each slice its own generator,
     * seeded from the seed, the sample and the slice) and writes them as an event table. Slice i of
     * sample S is the pseudo file {@code gen://S/SEED-i.root}.
     */
    public static void generate(SparkSession spark, String table, int perSample, long seed, int slicesPerSample) {
        List<long[]> slices = new ArrayList<>();
        for (EventClass sample : EventClass.values()) {
            for (int i = 0; i < slicesPerSample; i++) {
                long from = (long) perSample * i / slicesPerSample;
                long to = (long) perSample * (i + 1) / slicesPerSample;
                slices.add(new long[] {sample.ordinal(), i, to - from});
            }
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<InternalRow> rows = sc.parallelize(slices, slices.size()).flatMap(slice -> {
            EventClass sample = EventClass.values()[(int) slice[0]];
            long sliceSeed = seed * 1_000_003L + slice[0] * 10_007L + slice[1];
            EventGenerator gen = new EventGenerator(sample, sliceSeed);
            String source = "gen://" + sample.id() + "/" + seed + "-" + slice[1] + ".root";
            return new Iterator<InternalRow>() {
                long entry;

                @Override
                public boolean hasNext() {
                    return entry < slice[2];
                }

                @Override
                public InternalRow next() {
                    return internalRow(gen.next(), sample.id(), source, entry++);
                }
            };
        });
        spark.internalCreateDataFrame(rows.rdd(), schema(), false)
                .write()
                .mode(SaveMode.ErrorIfExists)
                .partitionBy("sample", "ingest_date")
                .parquet(table);
    }
}
