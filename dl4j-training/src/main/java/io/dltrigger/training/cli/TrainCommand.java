package io.dltrigger.training.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.registry.ModelRegistry;
import io.dltrigger.training.train.FinalTraining;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a configuration on OUT/train with parameter averaging over Spark (or --local), early",
            "stopping on a validation holdout, a checkpoint per epoch (a restart resumes), evaluate on OUT/test and",
            "write a new version to the registry."
        })
final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--best-config",
            description = "best.json of a grid search (overrides train.best_config; 'none' for train's own settings)")
    String bestConfig;

    @Option(
            names = "--model",
            description = "HLF, SEQUENCE or INCLUSIVE (overrides train.model; ignored with a best config)")
    ModelKind model;

    @Option(names = "--epochs", description = "maximum epochs (overrides the configuration)")
    Integer epochs;

    @Option(names = "--local", description = "train in this process instead of parameter averaging over Spark")
    boolean local;

    @Option(names = "--publish", description = "publish the new version if it beats the current model on OUT/test")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        TrainingConfig.Train t = c.train();
        BackendStartup.start(c.gpu());
        String best = bestConfig != null ? bestConfig : t.bestConfig();
        HyperParams p;
        if (best != null
                && !best.equals("none")
                && CommonOptions.resolve(best).toFile().exists()
                && model == null) {
            p = new ObjectMapper().readValue(CommonOptions.resolve(best).toFile(), HyperParams.class);
            p = p.withEpochs(t.epochs());
        } else {
            TrainingConfig.Train tt = model == null
                    ? t
                    : new TrainingConfig.Train(
                            model,
                            t.epochs(),
                            t.batchSize(),
                            t.patience(),
                            t.validationParts(),
                            t.averagingFrequency(),
                            t.poolEvents(),
                            t.distributed(),
                            t.checkpoints(),
                            t.bestConfig(),
                            t.rnnUnits(),
                            t.dropout(),
                            t.learningRate(),
                            t.seed());
            p = tt.hyperParams();
        }
        if (epochs != null) {
            p = p.withEpochs(epochs);
        }
        Path features = CommonOptions.resolve(c.features());
        ModelRegistry registry = new ModelRegistry(CommonOptions.resolve(c.registry()));
        Path checkpoints =
                CommonOptions.resolve(t.checkpoints()).resolve(p.model().name().toLowerCase());
        boolean distributed = t.distributed() && !local;
        SparkSession spark = distributed
                ? SparkSessions.create(
                        "dltrigger-train", c.spark().master(), c.spark().conf())
                : null;
        try {
            JavaSparkContext sc = spark == null ? null : JavaSparkContext.fromSparkContext(spark.sparkContext());
            ModelDir dir = FinalTraining.run(
                    p,
                    new FinalTraining.Settings(
                            features,
                            registry,
                            checkpoints,
                            t.patience(),
                            t.validationParts(),
                            t.averagingFrequency(),
                            t.poolEvents(),
                            sc,
                            CommonOptions.codeVersion()));
            System.out.println("model: " + dir.dir() + "  test AUC "
                    + dir.metrics().auc() + "  particle order " + dir.particleOrder());
            if (publish) {
                PublishCommand.publish(registry, dir, features, t.poolEvents());
            }
            return 0;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }
}
