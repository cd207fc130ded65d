package io.dltrigger.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.TestSpark;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.testing.SyntheticFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class ParquetFeatureReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsSparkWrittenTableExactlyAndShufflesEveryEventOnce() {
        SparkSession spark = TestSpark.session();
        SyntheticFeatures gen = SyntheticFeatures.small();
        Random r = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            rows.add(gen.event(r, i % 3, "f.root", i));
        }
        spark.createDataFrame(rows, SyntheticFeatures.SCHEMA)
                .repartition(3)
                .write()
                .parquet(tmp.resolve("t").toString());
        FeatureDataset ds = FeatureDataset.open(tmp.resolve("t").toString());
        assertEquals(150, ds.rows());

        Map<Long, Row> byEntry = new HashMap<>();
        rows.forEach(row -> byEntry.put(row.getLong(1), row));
        int seen = 0;
        for (FeatureSplit s : ds.splits()) {
            EventBlock b = ParquetFeatureReader.read(s, true);
            ParquetFeatureReader.Provenance p = ParquetFeatureReader.readProvenance(s);
            for (int i = 0; i < b.size(); i++) {
                Row want = byEntry.get(p.entries()[i]);
                assertEquals("f.root", p.sourceFiles()[i]);
                assertEquals(want.getInt(2), b.labels()[i]);
                assertEquals(want.getInt(5), b.nParticles()[i]);
                assertArrayEquals((float[]) want.get(3), java.util.Arrays.copyOfRange(b.hlf(), i * 14, i * 14 + 14));
                assertArrayEquals(
                        (float[]) want.get(4),
                        java.util.Arrays.copyOfRange(
                                b.particles(),
                                i * FeaturesTableContract.PARTICLE_VALUES,
                                (i + 1) * FeaturesTableContract.PARTICLE_VALUES));
                seen++;
            }
        }
        assertEquals(150, seen);

        // one pass of shuffled batches holds every event exactly once, in full batches but the last
        ShuffledBatches batches = new ShuffledBatches(ds.splits(), ModelKind.HLF, 32, 40, 1);
        Set<String> hlfSeen = new HashSet<>();
        int n = 0;
        List<Long> sizes = new ArrayList<>();
        while (batches.hasNext()) {
            MultiDataSet m = batches.next();
            long size = m.getFeatures(0).size(0);
            sizes.add(size);
            for (int i = 0; i < size; i++) {
                hlfSeen.add(m.getFeatures(0).getRow(i).toString());
            }
            n += size;
        }
        assertEquals(150, n);
        assertEquals(150, hlfSeen.size());
        assertTrue(sizes.subList(0, sizes.size() - 1).stream().allMatch(x -> x == 32), sizes.toString());
    }

    @Test
    void holdoutSidesPartitionTheEvents() {
        FeatureDataset ds =
                FeatureDataset.open(TestSpark.features().resolve("train").toString());
        long train = Subsample.load(ds.splits(), Holdout.training(10, 3), false).size();
        long val = Subsample.load(ds.splits(), Holdout.validation(10, 3), false).size();
        assertEquals(ds.rows(), train + val);
        assertTrue(val > ds.rows() / 20 && val < ds.rows() / 5, "validation share " + val);
    }

    @Test
    void wrongListLengthNamesFileColumnAndRow() {
        StructType schema = new StructType()
                .add("label", DataTypes.IntegerType)
                .add("hlf", DataTypes.createArrayType(DataTypes.FloatType))
                .add("n_particles", DataTypes.IntegerType);
        SparkSession spark = TestSpark.session();
        List<Row> rows = List.of(RowFactory.create(0, new float[14], 3), RowFactory.create(1, new float[13], 3));
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .parquet(tmp.resolve("bad").toString());
        FeatureSplit split =
                FeatureDataset.open(tmp.resolve("bad").toString()).splits().get(0);
        FeatureDataException e =
                assertThrows(FeatureDataException.class, () -> ParquetFeatureReader.read(split, false));
        assertTrue(
                e.getMessage().contains(split.file())
                        && e.getMessage().contains("'hlf'")
                        && e.getMessage().contains("row 1"),
                e.getMessage());
        FeatureDataException missing =
                assertThrows(FeatureDataException.class, () -> ParquetFeatureReader.read(split, true));
        assertTrue(missing.getMessage().contains("missing column 'particles'"), missing.getMessage());
    }
}
