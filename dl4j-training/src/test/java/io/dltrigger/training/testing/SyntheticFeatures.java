package io.dltrigger.training.testing;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A features table following the contract exactly (written by Spark, as the features stage does), with
 * class-dependent distributions: each class shifts the means of some HLF and particle features by
 * {@code separation} standard deviations and has its own particle multiplicity. Separable but noisy: with the
 * default separation the classes overlap, so no model reaches AUC 1. For tests and benchmarks when no output of
 * the features stage is at hand.
 */
public final class SyntheticFeatures implements java.io.Serializable {
    public static final StructType SCHEMA = new StructType()
            .add(FeaturesTableContract.SOURCE_FILE, DataTypes.StringType)
            .add(FeaturesTableContract.ENTRY, DataTypes.LongType)
            .add(FeaturesTableContract.LABEL, DataTypes.IntegerType)
            .add(FeaturesTableContract.HLF, DataTypes.createArrayType(DataTypes.FloatType))
            .add(FeaturesTableContract.PARTICLES, DataTypes.createArrayType(DataTypes.FloatType))
            .add(FeaturesTableContract.N_PARTICLES, DataTypes.IntegerType);

    /** Mean particle multiplicity of QCD, ttbar, W+jets: kept small so recurrent tests stay fast. */
    private final int[] meanParticles;

    private final double separation;

    /** False: the particles column holds empty lists (see {@link #hlfOnly()}). */
    private final boolean particleLists;

    public SyntheticFeatures(int[] meanParticles, double separation) {
        this(meanParticles, separation, true);
    }

    private SyntheticFeatures(int[] meanParticles, double separation, boolean particleLists) {
        this.meanParticles = meanParticles.clone();
        this.separation = separation;
        this.particleLists = particleLists;
    }

    /**
     * For HLF-only benchmarks at scale: the HLF and labels of {@link #small()}, but the particles column holds empty
     * lists (15,219 floats per event would make a million events 61 GB). The HLF path never reads that column; the
     * recurrent models refuse such a table (wrong list length), as they should.
     */
    public static SyntheticFeatures hlfOnly() {
        return new SyntheticFeatures(new int[] {12, 24, 18}, 1.0, false);
    }

    public static SyntheticFeatures small() {
        return new SyntheticFeatures(new int[] {12, 24, 18}, 1.0);
    }

    /**
     * Particle multiplicities like the generator's events: about 1,000 EFlow objects, so most particle lists are
     * nearly full (801 rows). {@code mean} is the mean over classes; ttbar gets 10% more, QCD 10% fewer.
     */
    public static SyntheticFeatures withParticles(int mean) {
        return new SyntheticFeatures(new int[] {(int) (mean * 0.9), (int) (mean * 1.1), mean}, 1.0);
    }

    /** Writes {@code OUT/train}, {@code OUT/test} and {@code OUT/scaler.json}; events per set, classes balanced. */
    public void write(SparkSession spark, Path out, int trainEvents, int testEvents, int files, long seed)
            throws IOException {
        writeSet(spark, out.resolve("train"), trainEvents, files, seed);
        writeSet(spark, out.resolve("test"), testEvents, Math.max(1, files / 2), seed + 1);
        Files.writeString(
                out.resolve("scaler.json"),
                "{\"hlf\": {\"kind\": \"min-max\", \"synthetic\": true},"
                        + " \"particles\": {\"kind\": \"standard\", \"synthetic\": true},"
                        + " \"particle_order\": \"AS_READ\", \"max_particles\": 801}\n");
    }

    /** Events are generated inside Spark tasks (one per file), so the driver never holds them. */
    public void writeSet(SparkSession spark, Path dir, int events, int files, long seed) {
        List<Integer> parts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            parts.add(f);
        }
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(parts, files)
                .flatMap(f -> {
                    Random r = new Random(seed * 1_000_003L + f);
                    List<Row> out = new ArrayList<>();
                    for (int i = f; i < events; i += files) {
                        out.add(event(r, i % EventClass.COUNT, "synthetic-" + seed + ".root", i));
                    }
                    return out.iterator();
                });
        spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(dir.toString());
    }

    public Row event(Random r, int label, String file, long entry) {
        float[] hlf = new float[FeaturesTableContract.N_HLF];
        for (int f = 0; f < hlf.length; f++) {
            // features 0..5 carry class information (different ones for each class), the rest is noise
            double shift = f < 6 && f % 3 == label ? separation : 0;
            hlf[f] = (float) (1 / (1 + Math.exp(-(r.nextGaussian() + shift))));
        }
        int n = Math.max(1, Math.min(FeaturesTableContract.MAX_PARTICLES, (int)
                Math.round(meanParticles[label] + 3 * r.nextGaussian())));
        float[] particles = new float[particleLists ? FeaturesTableContract.PARTICLE_VALUES : 0];
        for (int p = 0; particleLists && p < n; p++) {
            for (int f = 0; f < FeaturesTableContract.PARTICLE_FEATURES; f++) {
                double shift = f == 4 && label == 1 || f == 5 && label == 2 ? separation : 0;
                particles[p * FeaturesTableContract.PARTICLE_FEATURES + f] = (float) (r.nextGaussian() + shift);
            }
        }
        return RowFactory.create(file, entry, label, hlf, particles, n);
    }
}
