package io.dltrigger.bridge.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the columnar {@link ArrowParquetWriter} read back cell for cell in our own reader
 * ({@link ParquetArrowReader}) and in DuckDB (an independent C++ reader), with their types and
 * requiredness; Spark reads the committed sample in batch-features' {@code EventTableSampleTest}.
 */
class ReadBackTest {
    static final String SAMPLE = "event-table-sample.parquet";

    @TempDir
    Path tmp;

    @Test
    void theEventTableSampleIsTheCommittedFileAndReadsBackInOurReaderAndDuckDb() throws Exception {
        // Written under target/ so that, if the writer's output changes on purpose, it can be copied to
        // testdata/parquet/ (batch-features' Spark test reads the committed copy).
        Path written = Path.of("target", SAMPLE).toAbsolutePath();
        Files.deleteIfExists(written);
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot batch = EventTableSample.batch(allocator)) {
            try (ArrowParquetWriter w = new ArrowParquetWriter(
                    new LocalOutputFile(written), batch.getSchema(), CompressionCodecName.ZSTD)) {
                w.write(batch);
            }
            String changed = "the writer no longer writes testdata/parquet/" + SAMPLE + ": if intended, copy " + written
                    + " there";
            Path committed = TestData.parquetFile(SAMPLE);
            assertArrayEquals(pages(committed), pages(written), changed);
            assertEquals(footer(committed), footer(written), changed);
            assertReadsBackInOurReader(written, batch, 64);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = db.createStatement()) {
            Map<String, String> types = duckTypes(st, written);
            assertEquals("VARCHAR", types.get("source_file"));
            assertEquals("BIGINT", types.get("entry"));
            for (int c = 0; c < EventTableSample.MEMBERS.length; c++) {
                assertEquals(
                        EventTableSample.INTEGER[c] ? "INTEGER[]" : "FLOAT[]", types.get(EventTableSample.MEMBERS[c]));
            }
            try (ResultSet rs =
                    st.executeQuery("SELECT name, repetition_type FROM parquet_schema('" + written + "')")) {
                int fields = 0;
                while (rs.next()) {
                    String name = rs.getString(1);
                    String repetition = rs.getString(2);
                    if (name.equals("list")) {
                        assertEquals("REPEATED", repetition);
                    } else if (repetition != null) { // the root has none
                        assertEquals("REQUIRED", repetition, name);
                    }
                    fields++;
                }
                assertEquals(1 + 2 + 3 * EventTableSample.MEMBERS.length, fields);
            }
            try (ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + written + "') ORDER BY entry")) {
                int row = 0;
                while (rs.next()) {
                    assertEquals(EventTableSample.sourceFile(row), rs.getString(1));
                    assertEquals(EventTableSample.entry(row), rs.getLong(2));
                    for (int c = 0; c < EventTableSample.MEMBERS.length; c++) {
                        Object[] values = (Object[]) rs.getArray(3 + c).getArray();
                        assertEquals(EventTableSample.length(row, c), values.length, "row " + row + " column " + c);
                        for (int i = 0; i < values.length; i++) {
                            if (EventTableSample.INTEGER[c]) {
                                assertEquals(EventTableSample.intValue(row, c, i), values[i]);
                            } else {
                                assertEquals(
                                        Float.floatToRawIntBits(EventTableSample.floatValue(row, c, i)),
                                        Float.floatToRawIntBits((Float) values[i]),
                                        "row " + row + " column " + c + " value " + i);
                            }
                        }
                    }
                    row++;
                }
                assertEquals(EventTableSample.ROWS, row);
            }
        }
    }

    /**
     * Every shape and type the writer takes: nullable columns with null lists, empty lists and null
     * elements, fixed-size lists, doubles, booleans, 64-bit and unsigned 32-bit ints; 60,000 rows in small
     * row groups, so pages and row groups end mid-batch.
     */
    @Test
    void nullableColumnsFixedSizeListsAndEveryTypeReadBackAcrossPagesAndRowGroups() throws Exception {
        Path file = tmp.resolve("shapes.parquet");
        int rows = 60_000;
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot batch = VectorSchemaRoot.create(shapesSchema(), allocator)) {
            fillShapes(batch, rows);
            try (ArrowParquetWriter w = new ArrowParquetWriter(
                    new LocalOutputFile(file), batch.getSchema(), CompressionCodecName.SNAPPY, 1 << 20)) {
                w.write(batch);
                w.putFooterMetadata("written_by", "ReadBackTest");
            }
            try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(file))) {
                assertTrue(reader.getRowGroups().size() > 1, "several row groups");
                assertEquals(
                        "ReadBackTest",
                        reader.getFileMetaData().getKeyValueMetaData().get("written_by"));
            }
            assertReadsBackInOurReader(file, batch, 1000);
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + file + "') ORDER BY id")) {
                int row = 0;
                while (rs.next()) {
                    assertEquals(row, rs.getLong("id"));
                    assertDuckList(batch.getVector("floats"), row, rs.getArray("floats"));
                    assertDuckList(batch.getVector("fixed"), row, rs.getArray("fixed"));
                    assertDuckList(batch.getVector("uints"), row, rs.getArray("uints"));
                    Float8Vector d = (Float8Vector) batch.getVector("maybe_double");
                    Object v = rs.getObject("maybe_double");
                    if (d.isNull(row)) {
                        assertNull(v);
                    } else {
                        assertEquals(d.get(row), (Double) v);
                    }
                    BitVector b = (BitVector) batch.getVector("flag");
                    assertEquals(b.get(row) != 0, rs.getBoolean("flag"));
                    row++;
                }
                assertEquals(rows, row);
            }
        }
    }

    /** The bytes before the footer: magic, pages, page indexes. */
    private static byte[] pages(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int n = bytes.length;
        int footer = (bytes[n - 8] & 0xFF)
                | (bytes[n - 7] & 0xFF) << 8
                | (bytes[n - 6] & 0xFF) << 16
                | (bytes[n - 5] & 0xFF) << 24;
        return java.util.Arrays.copyOf(bytes, n - 8 - footer);
    }

    /**
     * The footer's content, with each column chunk's encodings sorted: parquet-java keeps them in a hash
     * set, whose order changes from one JVM to the next.
     */
    private static List<String> footer(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(file))) {
            var meta = reader.getFooter();
            out.add(meta.getFileMetaData().getSchema().toString());
            out.add(meta.getFileMetaData().getKeyValueMetaData().toString());
            for (var block : meta.getBlocks()) {
                out.add("rows " + block.getRowCount() + " at " + block.getStartingPos());
                for (var c : block.getColumns()) {
                    out.add(c.getPath() + " " + c.getCodec() + " " + new java.util.TreeSet<>(c.getEncodings())
                            + " values "
                            + c.getValueCount() + " bytes " + c.getTotalSize() + "/" + c.getTotalUncompressedSize()
                            + " pages at " + c.getFirstDataPageOffset() + " dictionary at "
                            + c.getDictionaryPageOffset() + " " + c.getStatistics());
                }
            }
        }
        return out;
    }

    private static Map<String, String> duckTypes(Statement st, Path file) throws Exception {
        Map<String, String> types = new HashMap<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        }
        return types;
    }

    /** Same schema (names of list elements aside: ours reads them as Arrow's default) and every cell. */
    private static void assertReadsBackInOurReader(Path file, VectorSchemaRoot expected, int batchRows)
            throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
                ParquetArrowReader r = new ParquetArrowReader(new LocalInputFile(file), allocator, batchRows)) {
            assertEquals(shape(expected.getSchema()), shape(r.schema()));
            int offset = 0;
            while (r.loadNextBatch()) {
                VectorSchemaRoot batch = r.root();
                for (int i = 0; i < batch.getRowCount(); i++) {
                    for (Field f : expected.getSchema().getFields()) {
                        assertEquals(
                                cell(expected.getVector(f.getName()).getObject(offset + i)),
                                cell(batch.getVector(f.getName()).getObject(i)),
                                f.getName() + " row " + (offset + i));
                    }
                }
                offset += batch.getRowCount();
            }
            assertEquals(expected.getRowCount(), offset);
        }
    }

    /** A cell as a comparable value: lists (Arrow's, of either list type) as plain lists. */
    private static Object cell(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : value == null ? null : value.toString();
    }

    /** Names, types and nullability; a fixed-size list as the list Parquet stores it. */
    private static List<String> shape(Schema schema) {
        List<String> out = new ArrayList<>();
        for (Field f : schema.getFields()) {
            ArrowType t = f.getType() instanceof ArrowType.FixedSizeList ? ArrowType.List.INSTANCE : f.getType();
            String s = f.getName() + " " + t + (f.isNullable() ? " null" : " not null");
            for (Field child : f.getChildren()) {
                s += " <" + child.getType() + (child.isNullable() ? " null" : " not null") + ">";
            }
            out.add(s);
        }
        return out;
    }

    private static void assertDuckList(FieldVector v, int row, java.sql.Array actual) throws Exception {
        Object want = v.getObject(row);
        if (want == null) {
            assertNull(actual, v.getName() + " row " + row);
            return;
        }
        List<?> expected = (List<?>) want;
        Object[] got = (Object[]) actual.getArray();
        assertEquals(expected.size(), got.length, v.getName() + " row " + row);
        for (int i = 0; i < got.length; i++) {
            Object e = expected.get(i);
            if (e instanceof Long unsigned) { // UInt4 reads as an unsigned value in Arrow, as the bits in DuckDB
                e = unsigned.intValue();
            }
            Object g = got[i] instanceof Long l ? (Object) l.intValue() : got[i];
            assertEquals(e, g, v.getName() + " row " + row + " value " + i);
        }
    }

    private static Schema shapesSchema() {
        ArrowType f32 = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        return new Schema(List.of(
                Field.notNullable("id", new ArrowType.Int(64, true)),
                new Field(
                        "floats", FieldType.nullable(ArrowType.List.INSTANCE), List.of(Field.nullable("element", f32))),
                new Field(
                        "fixed",
                        FieldType.notNullable(new ArrowType.FixedSizeList(3)),
                        List.of(Field.notNullable("element", f32))),
                new Field(
                        "uints",
                        FieldType.notNullable(ArrowType.List.INSTANCE),
                        List.of(Field.notNullable("element", new ArrowType.Int(32, false)))),
                Field.nullable("maybe_double", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.notNullable("flag", ArrowType.Bool.INSTANCE)));
    }

    private static void fillShapes(VectorSchemaRoot batch, int rows) {
        BigIntVector id = (BigIntVector) batch.getVector("id");
        ListVector floats = (ListVector) batch.getVector("floats");
        Float4Vector floatValues = (Float4Vector) floats.getDataVector();
        FixedSizeListVector fixed = (FixedSizeListVector) batch.getVector("fixed");
        Float4Vector fixedValues = (Float4Vector) fixed.getDataVector();
        ListVector uints = (ListVector) batch.getVector("uints");
        UInt4Vector uintValues = (UInt4Vector) uints.getDataVector();
        Float8Vector doubles = (Float8Vector) batch.getVector("maybe_double");
        BitVector flags = (BitVector) batch.getVector("flag");
        int nextFloat = 0;
        int nextUint = 0;
        for (int r = 0; r < rows; r++) {
            id.setSafe(r, r);
            if (r % 11 == 3) {
                floats.setNull(r);
            } else {
                floats.startNewValue(r);
                int n = r % 9;
                for (int i = 0; i < n; i++) {
                    if ((r + i) % 7 == 0) {
                        floatValues.setNull(nextFloat++);
                    } else {
                        floatValues.setSafe(nextFloat++, r * 0.5f - i);
                    }
                }
                floats.endValue(r, n);
            }
            fixed.setNotNull(r);
            for (int i = 0; i < 3; i++) {
                fixedValues.setSafe(r * 3 + i, r + i / 4f);
            }
            uints.startNewValue(r);
            int m = r % 4;
            for (int i = 0; i < m; i++) {
                uintValues.setSafe(nextUint++, r * 65_537 + i * 0x8000_0000);
            }
            uints.endValue(r, m);
            if (r % 5 == 0) {
                doubles.setNull(r);
            } else {
                doubles.setSafe(r, r / 3.0);
            }
            flags.setSafe(r, r % 3 == 0 ? 1 : 0);
        }
        floatValues.setValueCount(nextFloat);
        fixedValues.setValueCount(rows * 3);
        uintValues.setValueCount(nextUint);
        batch.setRowCount(rows);
    }
}
