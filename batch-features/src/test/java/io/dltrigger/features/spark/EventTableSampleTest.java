package io.dltrigger.features.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dltrigger.features.TestSpark;
import io.dltrigger.testing.TestData;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Spark reads what the ingest's Parquet writer writes, cell for cell: {@code testdata/parquet/
 * event-table-sample.parquet} is arrow-bridge's {@code EventTableSample} batch as its ArrowParquetWriter
 * writes it (arrow-bridge's ReadBackTest checks that byte for byte, and reads it back in our reader and in
 * DuckDB); every cell is a formula of (row, column, index), recomputed here.
 */
class EventTableSampleTest {
    private static final int ROWS = 400;
    private static final String[] MEMBERS = {
        "Jet_PT", "Jet_Eta", "Jet_BTag", "Electron_PT", "Electron_Charge", "MissingET_MET"
    };
    private static final boolean[] INTEGER = {false, false, true, false, true, false};
    private static final float[] EXTREME_FLOATS = {
        -0f,
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Float.MIN_VALUE,
        Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        1e-40f,
        0f
    };

    @Test
    void sparkReadsEveryCellOfTheIngestWritersSample() {
        Dataset<Row> table = TestSpark.get()
                .read()
                .parquet(TestData.parquetFile("event-table-sample.parquet").toString());
        StructField[] fields = table.schema().fields();
        assertEquals(2 + MEMBERS.length, fields.length);
        assertEquals(DataTypes.StringType, fields[0].dataType());
        assertEquals(DataTypes.LongType, fields[1].dataType());
        for (int c = 0; c < MEMBERS.length; c++) {
            assertEquals(MEMBERS[c], fields[2 + c].name());
            DataType element = INTEGER[c] ? DataTypes.IntegerType : DataTypes.FloatType;
            // Spark reads files as nullable (the columns' requiredness is checked through DuckDB in arrow-bridge)
            assertEquals(DataTypes.createArrayType(element, true), fields[2 + c].dataType());
        }
        List<Row> rows = table.orderBy("entry").collectAsList();
        assertEquals(ROWS, rows.size());
        for (int r = 0; r < ROWS; r++) {
            Row row = rows.get(r);
            assertEquals("file:/data/incoming/sample_" + r % 3 + ".root", row.getString(0));
            assertEquals(r * 1000L - 5, row.getLong(1));
            for (int c = 0; c < MEMBERS.length; c++) {
                List<Object> values = row.getList(2 + c);
                int n = Math.max(0, (r * 13 + c * 7) % 40 - 5);
                assertEquals(n, values.size(), "row " + r + " " + MEMBERS[c]);
                for (int i = 0; i < n; i++) {
                    if (INTEGER[c]) {
                        assertEquals(intValue(r, c, i), values.get(i));
                    } else {
                        assertEquals(
                                Float.floatToRawIntBits(floatValue(r, c, i)),
                                Float.floatToRawIntBits((Float) values.get(i)),
                                "row " + r + " " + MEMBERS[c] + " value " + i);
                    }
                }
            }
        }
    }

    private static float floatValue(int row, int column, int i) {
        if ((row + i) % 97 == 0) {
            return EXTREME_FLOATS[(row + column + i) % EXTREME_FLOATS.length];
        }
        return (float) (StrictMath.sin(row * 0.37 + column * 1.1 + i * 0.013) * 1000);
    }

    private static int intValue(int row, int column, int i) {
        if ((row + i) % 89 == 0) {
            return i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return (row * 7919 + column * 104729 + i * 31) % 200001 - 100000;
    }
}
