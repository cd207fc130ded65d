package io.dltrigger.training.config;

import io.dltrigger.contract.config.ConfigFile;
import io.dltrigger.training.backend.GpuPolicy;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code conf/training.yaml}: every setting of tune/train/evaluate/score, each overridable by a CLI flag. */
public record TrainingConfig(
        String features, SparkSettings spark, GpuPolicy gpu, Tune tune, Train train, String registry) {

    public record SparkSettings(String master, Map<String, String> conf) {
        public SparkSettings {
            master = master == null ? "local[*]" : master;
            conf = conf == null ? Map.of() : Map.copyOf(conf);
        }
    }

    /** The grid: every combination of these lists is one fit (one Spark task). */
    public record Grid(
            List<Integer> batchSize,
            List<Integer> epochs,
            List<Integer> hidden1,
            List<Integer> hidden2,
            List<Integer> hidden3,
            List<Double> learningRate) {}

    public record Tune(ModelKind model, double sampleFraction, int folds, Grid grid, String output) {}

    public record Train(
            ModelKind model,
            int epochs,
            int batchSize,
            int patience,
            int validationParts,
            int averagingFrequency,
            int poolEvents,
            boolean distributed,
            String checkpoints,
            String bestConfig,
            int rnnUnits,
            double dropout,
            double learningRate,
            long seed) {

        /** The reference architecture of {@code model} with this section's settings. */
        public HyperParams hyperParams() {
            HyperParams ref = HyperParams.reference(model);
            return new HyperParams(
                    model,
                    ref.hidden(),
                    rnnUnits > 0 ? rnnUnits : ref.rnnUnits(),
                    dropout,
                    learningRate > 0 ? learningRate : ref.learningRate(),
                    batchSize,
                    epochs,
                    seed);
        }
    }

    /** Reads a YAML file (snake_case keys); an unknown key or a bad value is an error naming the file and line. */
    public static TrainingConfig load(Path file) {
        return ConfigFile.load(file, TrainingConfig.class, null, Set.of());
    }
}
