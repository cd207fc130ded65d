package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.TestSpark;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.Features;
import io.dltrigger.features.testing.EventBuilder;
import io.dltrigger.features.testing.FailOnceCommitProtocol;
import io.dltrigger.features.testing.GeneratedEventTable;
import io.dltrigger.generator.event.DelphesEvent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on a small hand-made table: output layout, padding, balance, split, scaler, atomic commit. */
class FeaturesJobTest {
    @TempDir
    static Path dir;

    static String table;
    static SparkSession spark;
    /** Events per sample and how many of them carry an isolated lepton. */
    static final int[] EVENTS = {60, 40, 50};

    static final int[] WITH_LEPTON = {30, 36, 25};

    @BeforeAll
    static void writeTable() {
        spark = TestSpark.get();
        table = dir.resolve("events").toString();
        String[] samples = {"qcd", "ttbar", "wjets"};
        for (int s = 0; s < samples.length; s++) {
            SplittableRandom rng = new SplittableRandom(s);
            List<DelphesEvent> events = new ArrayList<>();
            for (int i = 0; i < EVENTS[s]; i++) {
                events.add(randomEvent(rng, i < WITH_LEPTON[s]));
            }
            GeneratedEventTable.append(spark, table, samples[s], "hand-" + s + ".root", events);
        }
    }

    /** A random event with a few dozen particles; with or without an isolated electron (pT 30-100). */
    static DelphesEvent randomEvent(SplittableRandom rng, boolean lepton) {
        EventBuilder b = EventBuilder.empty().met(rng.nextDouble(0, 100), rng.nextDouble(-Math.PI, Math.PI));
        for (int i = 0, n = rng.nextInt(5, 60); i < n; i++) {
            b.track(
                    rng.nextDouble(0.1, 5),
                    rng.nextDouble(-2.5, -0.5),
                    rng.nextDouble(-Math.PI, Math.PI),
                    rng.nextBoolean() ? 211 : -211,
                    rng.nextDouble(-1, 1),
                    rng.nextDouble(-1, 1),
                    rng.nextDouble(-50, 50));
        }
        for (int i = 0, n = rng.nextInt(1, 30); i < n; i++) {
            b.photon(rng.nextDouble(1.1, 5), rng.nextDouble(-3, -0.5), rng.nextDouble(-Math.PI, Math.PI));
        }
        for (int i = 0, n = rng.nextInt(1, 20); i < n; i++) {
            b.neutral(rng.nextDouble(1.1, 5), rng.nextDouble(-3, -0.5), rng.nextDouble(-Math.PI, Math.PI));
        }
        for (int i = 0, n = rng.nextInt(0, 6); i < n; i++) {
            b.jet(rng.nextDouble(20, 200), rng.nextDouble(-3, 3), rng.nextDouble(-Math.PI, Math.PI), rng.nextInt(2));
        }
        double pt = lepton ? rng.nextDouble(30, 100) : rng.nextDouble(5, 20);
        double eta = rng.nextDouble(0.5, 2);
        double phi = rng.nextDouble(-Math.PI, Math.PI);
        return b.electron(pt, eta, phi, rng.nextBoolean() ? 1 : -1)
                .track(pt, eta, phi, 11, 0, 0, 0)
                .build();
    }

    private static Summary run(FeaturesConfig config, String out, String scaler) throws IOException {
        return new FeaturesJob(spark, config).run(table, out, scaler, false);
    }

    /**
     * The drop counts come from the committed data: a task that fails after processing its rows and runs
     * again does not count its events twice.
     */
    @Test
    void dropCountsAreThoseOfTheDataWhenATaskRunsAgain() throws IOException {
        FailOnceCommitProtocol.ARMED.set(1);
        Summary s = run(FeaturesConfig.defaults(), dir.resolve("retried").toString(), null);
        assertEquals(1, FailOnceCommitProtocol.FAILED.get(), "a task failed and ran again");
        assertEquals(150, s.eventsRead());
        assertEquals(91, s.eventsSelected());
        assertEquals(59, s.droppedNoLepton());
        assertEquals(0, s.droppedEmptyMap());
        assertEquals(s.eventsRead(), s.eventsSelected() + s.droppedNoLepton() + s.droppedEmptyMap());
    }

    @Test
    void writesBalancedSplitScaledPaddedTables() throws IOException {
        String out = dir.resolve("features").toString();
        Summary s = run(FeaturesConfig.defaults(), out, null);

        assertEquals(150, s.eventsRead());
        assertEquals(91, s.eventsSelected());
        assertEquals(59, s.droppedNoLepton());
        assertEquals(0.5, s.classes().get(0).efficiency(), 1e-9);
        assertEquals("ttbar", s.classes().get(1).sample());
        // Balanced to the smallest class (25), then 5 per class to test.
        for (int label = 0; label < 3; label++) {
            assertEquals(25, s.classes().get(label).balanced());
            assertEquals(20, s.classes().get(label).train());
            assertEquals(5, s.classes().get(label).test());
        }
        assertEquals(60, s.trainEvents());
        assertEquals(15, s.testEvents());

        Dataset<Row> train = spark.read().parquet(out + "/train");
        Dataset<Row> test = spark.read().parquet(out + "/test");
        assertEquals(
                List.of("source_file", "entry", "label", "hlf", "particles", "n_particles"), List.of(train.columns()));
        assertEquals(
                "array<float>", train.schema().apply("particles").dataType().simpleString());
        assertEquals(60, train.count());
        assertEquals(15, test.count());
        assertEquals(0, train.join(test, new String[] {"source_file", "entry"}).count(), "train and test overlap");

        List<Row> rows = train.collectAsList();
        double[] min = new double[Features.N_HLF];
        double[] max = new double[Features.N_HLF];
        java.util.Arrays.fill(min, Double.MAX_VALUE);
        java.util.Arrays.fill(max, -Double.MAX_VALUE);
        double[] sum = new double[Features.N_PARTICLE];
        double[] sum2 = new double[Features.N_PARTICLE];
        long realRows = 0;
        for (Row r : rows) {
            List<Float> hlf = r.getList(3);
            List<Float> particles = r.getList(4);
            int n = r.getInt(5);
            assertEquals(Features.N_HLF, hlf.size());
            assertEquals(801 * Features.N_PARTICLE, particles.size());
            assertTrue(n >= 1 && n <= 801);
            for (int k = 0; k < Features.N_HLF; k++) {
                min[k] = Math.min(min[k], hlf.get(k));
                max[k] = Math.max(max[k], hlf.get(k));
            }
            for (int i = 0; i < n * Features.N_PARTICLE; i++) {
                sum[i % Features.N_PARTICLE] += particles.get(i);
                sum2[i % Features.N_PARTICLE] += particles.get(i) * particles.get(i);
            }
            realRows += n;
            for (int i = n * Features.N_PARTICLE; i < particles.size(); i++) {
                assertEquals(0f, particles.get(i), "padding must stay zero, at the end");
            }
        }
        // Fitted on train: train spans exactly [0, 1], except features constant in these events (LepIsEle,
        // LepIsoCh), which map to 0; its real rows are standardized (mean 0, variance 1).
        int spanning = 0;
        for (int k = 0; k < Features.N_HLF; k++) {
            assertEquals(0.0, min[k], 1e-6, Features.HLF.get(k));
            if (max[k] > 0) {
                assertEquals(1.0, max[k], 1e-6, Features.HLF.get(k));
                spanning++;
            }
        }
        assertTrue(spanning >= 10, spanning + " features span [0, 1]");
        for (int k : new int[] {Features.PT, Features.ETA, Features.CH_ISO, Features.VTX_Z, Features.CHARGE}) {
            assertEquals(0.0, sum[k] / realRows, 1e-4, Features.PARTICLE.get(k));
            assertEquals(1.0, sum2[k] / realRows, 1e-3, Features.PARTICLE.get(k));
        }

        JsonNode scaler = new ObjectMapper().readTree(new File(out, "scaler.json"));
        assertEquals(Features.HLF.get(0), scaler.get("hlf_names").get(0).asText());
        assertEquals(60, scaler.get("fitted_events").asLong());
        assertEquals(realRows, scaler.get("fitted_particles").asLong());
        assertEquals("AS_READ", scaler.get("particle_order").asText());
        assertEquals(801, scaler.get("max_particles").asInt());
        JsonNode summary = new ObjectMapper().readTree(new File(out, "summary.json"));
        assertEquals(91, summary.get("events_selected").asLong());
        assertEquals("AS_READ", summary.get("config").get("particle_order").asText());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "temporary output left");
        }
        assertFalse(new File(out, "selected.stage").exists());

        // The same scaler applied to the same data gives the same tables; nothing is refitted.
        String again = dir.resolve("features-applied").toString();
        Summary applied = run(FeaturesConfig.defaults(), again, out + "/scaler.json");
        assertFalse(applied.scalerFitted());
        assertEquals(0, spark.read().parquet(again + "/train").exceptAll(train).count());
        assertEquals(0, spark.read().parquet(again + "/test").exceptAll(test).count());
        Scaler first = readScaler(Path.of(out, "scaler.json"));
        Scaler second = readScaler(Path.of(again, "scaler.json"));
        assertArrayEquals(first.particleStd(), second.particleStd());

        // The rows are shuffled: every file of train/ holds the three classes, not one sample's stretch.
        try (Stream<Path> files = Files.list(Path.of(out, "train"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                long classes = spark.read()
                        .parquet(f.toString())
                        .select("label")
                        .distinct()
                        .count();
                assertEquals(3, classes, f + " does not hold every class");
            }
        }

        IOException exists = assertThrows(IOException.class, () -> run(FeaturesConfig.defaults(), out, null));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
    }

    @Test
    void theReferenceOrderIsRecordedAndPutsTheLeptonLastBeforeThePadding() throws IOException {
        String out = dir.resolve("closest-last").toString();
        FeaturesConfig config = FeaturesConfig.defaults()
                .withOptions(
                        FeaturesConfig.defaults().leptonChoice(),
                        FeaturesConfig.defaults().mtForm(),
                        ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST);
        run(config, out, null);
        Scaler scaler = readScaler(Path.of(out, "scaler.json"));
        assertEquals(ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST, scaler.particleOrder());
        JsonNode summary = new ObjectMapper().readTree(new File(out, "summary.json"));
        assertEquals(
                "DELTA_R_DESCENDING_CLOSEST_LAST",
                summary.get("config").get("particle_order").asText());
        // Standardized isEle is positive only on the electron: the last real row, padding zero after it.
        float lepton = scaler.scaleParticle(Features.IS_ELE, 1f);
        float other = scaler.scaleParticle(Features.IS_ELE, 0f);
        for (Row r : spark.read().parquet(out + "/train").collectAsList()) {
            List<Float> particles = r.getList(4);
            int n = r.getInt(5);
            assertTrue(n > 1, "events with particles around the lepton");
            for (int row = 0; row < n; row++) {
                float isEle = particles.get(row * Features.N_PARTICLE + Features.IS_ELE);
                assertEquals(row == n - 1 ? lepton : other, isEle, 1e-5, "row " + row + " of " + n);
            }
            for (int i = n * Features.N_PARTICLE; i < particles.size(); i++) {
                assertEquals(0f, particles.get(i), "padding must stay zero, at the end");
            }
        }

        // Its scaler cannot be applied to particle lists prepared in another order.
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> run(FeaturesConfig.defaults(), dir.resolve("mixed").toString(), out + "/scaler.json"));
        assertTrue(e.getMessage().contains("DELTA_R_DESCENDING_CLOSEST_LAST"), e.getMessage());
        assertFalse(new File(dir.resolve("mixed").toString()).exists());
    }

    @Test
    void withoutBalancingEveryClassKeepsItsEvents() throws IOException {
        String out = dir.resolve("unbalanced").toString();
        Summary s = run(FeaturesConfig.defaults().withPreparation(false, 0.5), out, null);
        assertEquals(91, s.trainEvents() + s.testEvents());
        assertEquals(15, s.classes().get(0).test());
        assertEquals(18, s.classes().get(1).train());
        assertEquals(13, s.classes().get(2).test(), "round(12.5)");
        assertEquals(12, s.classes().get(2).train());
    }

    /**
     * The job reads float32 and int32 lists from Spark's columnar batches; a table whose lists have other
     * numeric types goes through rows with casts, and gives the same tables.
     */
    @Test
    void listsOfOtherNumericTypesAreReadAsRowsWithTheSameResult() throws IOException {
        Dataset<Row> floats = EventTableReader.read(spark, table);
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        for (org.apache.spark.sql.types.StructField f : floats.schema().fields()) {
            boolean floatList = f.dataType().equals(DataTypes.createArrayType(DataTypes.FloatType, false))
                    || f.dataType().equals(DataTypes.createArrayType(DataTypes.FloatType, true));
            columns.add(
                    floatList
                            ? col(f.name())
                                    .cast(DataTypes.createArrayType(DataTypes.DoubleType))
                                    .as(f.name())
                            : col(f.name()));
        }
        String doubles = dir.resolve("double-events").toString();
        floats.select(columns.toArray(new org.apache.spark.sql.Column[0]))
                .write()
                .partitionBy("sample", "ingest_date")
                .parquet(doubles);
        FeaturesConfig config = FeaturesConfig.defaults();
        assertTrue(ColumnarEvents.of(floats, config).isPresent(), "float32 lists: columnar");
        assertTrue(
                ColumnarEvents.of(EventTableReader.read(spark, doubles), config).isEmpty(), "double lists: rows");

        String fromFloats = dir.resolve("from-floats").toString();
        String fromDoubles = dir.resolve("from-doubles").toString();
        run(config, fromFloats, null);
        new FeaturesJob(spark, config).run(doubles, fromDoubles, null, false);
        for (String part : List.of("train", "test")) {
            Dataset<Row> a = spark.read().parquet(fromFloats + "/" + part);
            Dataset<Row> b = spark.read().parquet(fromDoubles + "/" + part);
            assertTrue(a.count() > 0);
            assertEquals(0, a.exceptAll(b).count(), part);
            assertEquals(0, b.exceptAll(a).count(), part);
        }
        Scaler a = readScaler(Path.of(fromFloats, "scaler.json"));
        Scaler b = readScaler(Path.of(fromDoubles, "scaler.json"));
        assertArrayEquals(a.hlfMin(), b.hlfMin());
        assertArrayEquals(a.hlfMax(), b.hlfMax());
        assertArrayEquals(a.particleMean(), b.particleMean(), 1e-9); // the merge order of partitions may differ
        assertArrayEquals(a.particleStd(), b.particleStd(), 1e-9);
        assertEquals(a.fittedParticles(), b.fittedParticles());
    }

    @Test
    void aMissingColumnFailsNamingItAndLeavesNoOutput() {
        String out = dir.resolve("missing").toString();
        FeaturesConfig muon =
                FeaturesConfig.defaults().withBranch(io.dltrigger.features.physics.Collection.MUON, "Muon");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(muon, out, null));
        assertTrue(e.getMessage().contains("Muon_PT"), e.getMessage());
        assertTrue(e.getMessage().contains("Muon_Charge"), e.getMessage());
        assertFalse(new File(out).exists());
    }

    @Test
    void aFailureInsideTheJobLeavesNoOutput() throws IOException {
        // A bad event (a Jet member shorter than the others) fails the job mid-way, on an executor.
        String bad = dir.resolve("bad-events").toString();
        DelphesEvent e = randomEvent(new SplittableRandom(1), true);
        Row good = GeneratedEventTable.row(e, "qcd", "bad.root", 0);
        Object[] values = new Object[good.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = good.get(i);
        }
        int jetBtag = List.of(GeneratedEventTable.schema().fieldNames()).indexOf("Jet_BTag");
        values[jetBtag] = new int[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create(values)), GeneratedEventTable.schema())
                .write()
                .partitionBy("sample", "ingest_date")
                .parquet(bad);
        String out = dir.resolve("bad-features").toString();
        Exception ex = assertThrows(
                Exception.class, () -> new FeaturesJob(spark, FeaturesConfig.defaults()).run(bad, out, null, false));
        String chain = "";
        for (Throwable t = ex; t != null; t = t.getCause()) {
            chain += t.getMessage() + "\n";
        }
        assertTrue(chain.contains("bad.root") && chain.contains("BTag"), chain);
        assertFalse(new File(out).exists());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().startsWith("bad-features.tmp-")));
        }
    }

    private static Scaler readScaler(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Scaler.read(in, file.toString());
        }
    }
}
