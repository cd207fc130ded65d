package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.Field;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.JavaConverters;

/**
 * The event table as Spark's Parquet scan reads it, in columnar batches: the columns the job needs, taken
 * from the scan itself (below the row conversion that Spark would otherwise add). Available when Spark
 * reads the table with its vectorized reader and every column already has the type the job wants
 * ({@code source_file} string, {@code entry} int64, {@code sample} string, float32 or int32 lists);
 * otherwise {@link Extraction} reads rows of {@link EventTableReader#project}, which casts.
 */
final class ColumnarEvents implements Serializable {
    private transient FileSourceScanExec scan;
    private final int sourceFile;
    private final int entry;
    private final int sample;
    private final int[] members;
    private final Map<String, Integer> labels;

    private ColumnarEvents(
            FileSourceScanExec scan,
            int sourceFile,
            int entry,
            int sample,
            int[] members,
            Map<String, Integer> labels) {
        this.scan = scan;
        this.sourceFile = sourceFile;
        this.entry = entry;
        this.sample = sample;
        this.members = members;
        this.labels = labels;
    }

    /** The columnar scan of the table, or empty when Spark would not read it as batches of the right types. */
    static Optional<ColumnarEvents> of(Dataset<Row> table, FeaturesConfig config) {
        List<String> names = new ArrayList<>(
                List.of(EventTableContract.SOURCE_FILE, EventTableContract.ENTRY, EventTableContract.SAMPLE));
        for (Field f : Field.all()) {
            names.add(EventTableReader.column(config, f));
        }
        List<String> columns = List.of(table.columns());
        if (!columns.containsAll(names)) {
            return Optional.empty(); // EventTableReader.project names what is missing
        }
        Dataset<Row> needed = table.select(names.stream().map(n -> col(n)).toArray(Column[]::new));
        SparkPlan plan = needed.queryExecution().executedPlan();
        List<SparkPlan> leaves = JavaConverters.seqAsJavaList(plan.collectLeaves());
        if (leaves.size() != 1 || !(leaves.get(0) instanceof FileSourceScanExec scan) || !scan.supportsColumnar()) {
            return Optional.empty();
        }
        List<Attribute> output = JavaConverters.seqAsJavaList(scan.output());
        int[] ordinals = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            ordinals[i] = -1;
            for (int j = 0; j < output.size(); j++) {
                if (output.get(j).name().equals(names.get(i))) {
                    ordinals[i] = j;
                }
            }
            if (ordinals[i] < 0 || !expectedType(i, output.get(ordinals[i]).dataType())) {
                return Optional.empty();
            }
        }
        int[] members = new int[Field.all().length];
        System.arraycopy(ordinals, 3, members, 0, members.length);
        return Optional.of(new ColumnarEvents(scan, ordinals[0], ordinals[1], ordinals[2], members, config.labels()));
    }

    private static boolean expectedType(int column, DataType type) {
        return switch (column) {
            case 0, 2 -> type.equals(DataTypes.StringType);
            case 1 -> type.equals(DataTypes.LongType);
            default ->
                type instanceof ArrayType a
                        && a.elementType()
                                .equals(
                                        Field.all()[column - 3].integer()
                                                ? DataTypes.IntegerType
                                                : DataTypes.FloatType);
        };
    }

    /** The scan's batches (the driver's side: the plan is not serialized). */
    JavaRDD<ColumnarBatch> batches() {
        return scan.executeColumnar().toJavaRDD();
    }

    /** The events of a partition's batches. Spark reuses a batch for the next one: each event is copied out. */
    Extraction.EventCursor cursor(Iterator<ColumnarBatch> batches) {
        return new Extraction.EventCursor() {
            private ColumnarBatch batch;
            private int row;
            private UTF8String lastSample;
            private int lastLabel;

            @Override
            public boolean next(EventBuffer buffer) {
                row++;
                while (batch == null || row >= batch.numRows()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    batch = batches.next();
                    row = 0;
                }
                Field[] fields = Field.all();
                for (int k = 0; k < fields.length; k++) {
                    ColumnVector v = batch.column(members[k]);
                    ColumnarArray a = v.isNullAt(row) ? null : v.getArray(row);
                    int n = a == null ? 0 : a.numElements();
                    if (fields[k].integer()) {
                        int[] dst = buffer.intsFor(fields[k], n);
                        for (int i = 0; i < n; i++) {
                            dst[i] = a.getInt(i);
                        }
                    } else {
                        float[] dst = buffer.floatsFor(fields[k], n);
                        for (int i = 0; i < n; i++) {
                            dst[i] = a.getFloat(i);
                        }
                    }
                }
                return true;
            }

            @Override
            public UTF8String sourceFile() {
                return batch.column(sourceFile).getUTF8String(row);
            }

            @Override
            public long entry() {
                return batch.column(entry).getLong(row);
            }

            @Override
            public int label() {
                UTF8String s = batch.column(sample).getUTF8String(row);
                if (!s.equals(lastSample)) {
                    Integer label = labels.get(s.toString());
                    if (label == null) {
                        throw new IllegalArgumentException("sample " + s + " has no label (labels: " + labels + ")");
                    }
                    lastSample = s.clone();
                    lastLabel = label;
                }
                return lastLabel;
            }
        };
    }
}
