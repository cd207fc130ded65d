package io.dltrigger.features.bench;

import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes generated events as an event table with the ingest stage's layout (README, "Data contracts"):
 * {@code TABLE/sample=NAME/ingest_date=DATE/part-*.parquet}, columns source_file, entry and one list column
 * per Delphes member. For benchmarks and tests only; real tables come from the ingest stage.
 */
public final class GeneratedEventTable {
    public static final String INGEST_DATE = "2026-01-01";

    private GeneratedEventTable() {
    }

    /** The table schema, with the partition columns sample and ingest_date last. */
    public static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("source_file", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("entry", DataTypes.LongType, false));
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            for (Member m : c.members()) {
                fields.add(DataTypes.createStructField(c.name() + "_" + m.name(),
                        DataTypes.createArrayType(m.integer() ? DataTypes.IntegerType : DataTypes.FloatType, false),
                        false));
            }
        }
        fields.add(DataTypes.createStructField("sample", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("ingest_date", DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
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

    /**
     * Appends the events of one sample to the table in batches (bounded driver memory); entry numbers
     * count from 0 within the pseudo file {@code gen://SAMPLE/SEED.root}.
     */
    public static void append(SparkSession spark, String table, String sample, long seed, Iterator<DelphesEvent> events,
            int batch) {
        String source = "gen://" + sample + "/" + seed + ".root";
        long entry = 0;
        List<Row> rows = new ArrayList<>(batch);
        while (events.hasNext()) {
            rows.add(row(events.next(), sample, source, entry++));
            if (rows.size() == batch || !events.hasNext()) {
                spark.createDataFrame(rows, schema()).write().mode(SaveMode.Append)
                        .partitionBy("sample", "ingest_date").parquet(table);
                rows.clear();
            }
        }
    }
}
