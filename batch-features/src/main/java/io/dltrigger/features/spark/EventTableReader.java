package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The event table (README, "Data contracts"): reads it, checks that every column the job needs is there
 * with a list type, and projects it to a fixed layout: {@code source_file, entry, label} and then one
 * list column per {@link Field}, in Field order ({@link #FIRST_FIELD} is the ordinal of the first).
 */
public final class EventTableReader {
    public static final int SOURCE_FILE = 0;
    public static final int ENTRY = 1;
    public static final int LABEL = 2;
    public static final int FIRST_FIELD = 3;

    private EventTableReader() {}

    public static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().parquet(path);
    }

    /** The event-table column of a field under the configured branch names, e.g. {@code MuonTight_PT}. */
    public static String column(FeaturesConfig config, Field f) {
        return config.branch(f.collection()) + "_" + f.member();
    }

    /**
     * Projects the table onto the fixed layout, with the sample partition mapped to its label.
     *
     * @throws IllegalArgumentException naming every missing column, or a column of the wrong type, or a
     *     sample without a label
     */
    public static Dataset<Row> project(Dataset<Row> table, FeaturesConfig config) {
        StructType schema = table.schema();
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>(
                Arrays.asList(EventTableContract.SOURCE_FILE, EventTableContract.ENTRY, EventTableContract.SAMPLE));
        for (Field f : Field.all()) {
            names.add(column(config, f));
        }
        for (String name : names) {
            if (!Arrays.asList(schema.fieldNames()).contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("event table lacks required column(s) " + String.join(", ", missing)
                    + " (branch names come from the 'collections' configuration; table columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        List<Column> cols = new ArrayList<>();
        cols.add(col(EventTableContract.SOURCE_FILE).cast(DataTypes.StringType));
        cols.add(col(EventTableContract.ENTRY).cast(DataTypes.LongType));
        cols.add(labelOf(config.labels()).as(FeaturesTableContract.LABEL));
        for (Field f : Field.all()) {
            String name = column(config, f);
            DataType type = schema.apply(name).dataType();
            if (!(type instanceof ArrayType a) || !(a.elementType() instanceof NumericType)) {
                throw new IllegalArgumentException("event table column " + name + " has type " + type.simpleString()
                        + ", expected a list of " + (f.integer() ? "int32" : "float32"));
            }
            DataType want = DataTypes.createArrayType(f.integer() ? DataTypes.IntegerType : DataTypes.FloatType);
            cols.add(col(name).cast(want).as(name));
        }
        return table.select(cols.toArray(new Column[0]));
    }

    /** Checks that every sample present has a label; returns the samples found. */
    public static List<String> checkSamples(Dataset<Row> table, FeaturesConfig config) {
        TreeSet<String> samples = new TreeSet<>();
        for (Row r : table.select(EventTableContract.SAMPLE).distinct().collectAsList()) {
            samples.add(String.valueOf(r.get(0)));
        }
        List<String> unknown =
                samples.stream().filter(s -> !config.labels().containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "event table has sample(s) " + unknown + " without a label (labels: " + config.labels() + ")");
        }
        return List.copyOf(samples);
    }

    private static Column labelOf(Map<String, Integer> labels) {
        Column c = null;
        for (Map.Entry<String, Integer> e : labels.entrySet()) {
            Column s = col(EventTableContract.SAMPLE).cast(DataTypes.StringType);
            c = c == null
                    ? when(s.equalTo(e.getKey()), lit(e.getValue()))
                    : c.when(s.equalTo(e.getKey()), lit(e.getValue()));
        }
        return c.cast(DataTypes.IntegerType);
    }

    static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, false);
    }
}
