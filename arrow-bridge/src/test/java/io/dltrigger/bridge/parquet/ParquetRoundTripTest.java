package io.dltrigger.bridge.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ROOT -> Arrow -> Parquet -> Arrow gives back the same values, nested lists included. */
class ParquetRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsScalarsJaggedListsAndBools() throws Exception {
        Path hzz = TestData.rootFile("uproot-HZZ.root");
        List<String> branches = List.of("NJet", "Jet_Px", "Jet_ID", "Muon_Charge", "MET_px");
        Path out = tmp.resolve("hzz.parquet");
        try (BufferAllocator allocator = new RootAllocator();
                RootFile file = RootFile.open(hzz.toString())) {
            RootTree tree = file.tree("events");
            try (VectorSchemaRoot original = tree.read(branches, new EntryRange(0, tree.entries()), allocator)) {
                try (ArrowParquetWriter w = new ArrowParquetWriter(
                        new LocalOutputFile(out), original.getSchema(), CompressionCodecName.ZSTD)) {
                    w.write(original);
                    w.putFooterMetadata("dltrigger.test", "kept in the footer");
                }
                try (var footer = org.apache.parquet.hadoop.ParquetFileReader.open(new LocalInputFile(out))) {
                    assertEquals(
                            "kept in the footer",
                            footer.getFooter()
                                    .getFileMetaData()
                                    .getKeyValueMetaData()
                                    .get("dltrigger.test"));
                }
                try (ParquetArrowReader r = new ParquetArrowReader(new LocalInputFile(out), allocator, 1000)) {
                    assertEquals(original.getSchema(), r.schema());
                    int offset = 0;
                    while (r.loadNextBatch()) {
                        VectorSchemaRoot batch = r.root();
                        assertTrue(batch.getRowCount() <= 1000);
                        for (int i = 0; i < batch.getRowCount(); i++) {
                            for (String b : branches) {
                                assertEquals(
                                        original.getVector(b).getObject(offset + i),
                                        batch.getVector(b).getObject(i),
                                        b + " row " + (offset + i));
                            }
                        }
                        offset += batch.getRowCount();
                    }
                    assertEquals(tree.entries(), offset);
                    assertFalse(r.loadNextBatch());
                }
            }
        }
    }

    @Test
    void mapsListsToTheStandardThreeLevelLayout() {
        var schema = new org.apache.arrow.vector.types.pojo.Schema(List.of(new org.apache.arrow.vector.types.pojo.Field(
                "Jet_PT",
                org.apache.arrow.vector.types.pojo.FieldType.notNullable(ArrowType.List.INSTANCE),
                List.of(org.apache.arrow.vector.types.pojo.Field.notNullable(
                        "element",
                        new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE))))));
        String parquet = ParquetSchemas.toParquet(schema).toString();
        assertTrue(parquet.contains("required group Jet_PT (LIST)"), parquet);
        assertTrue(parquet.contains("repeated group list"), parquet);
        assertTrue(parquet.contains("required float element"), parquet);
    }
}
