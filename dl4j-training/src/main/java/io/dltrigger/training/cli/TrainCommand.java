package io.dltrigger.training.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.ModelRegistry;
import io.dltrigger.training.train.FinalTraining;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
            "write a new version to the registry. Under the DAG engine its output names the version and how it",
            "trained, and it reports the epoch it is at."
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

    @Option(names = "--epochs", description = "maximum epochs under early stopping (overrides the configuration)")
    Integer epochs;

    @Option(names = "--patience", description = "epochs without a better validation loss before stopping")
    Integer patience;

    @Option(names = "--learning-rate", description = "Adam's learning rate (overrides the configuration)")
    Double learningRate;

    @Option(
            names = "--max-train-events",
            description = "train on a subsample of about this many events (0: all; the validation side stays whole)")
    long maxTrainEvents;

    @Option(
            names = "--local",
            arity = "0..1",
            fallbackValue = "true",
            description = "train in this process instead of parameter averaging over Spark (--local=false: over Spark)")
    Boolean local;

    @Option(names = "--checkpoints", description = "checkpoint root (overrides train.checkpoints)")
    Path checkpointRoot;

    @Option(names = "--publish", description = "publish the new version if it beats the current model on OUT/test")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        TrainingConfig.Train t = c.train();
        BackendStartup.start(c.gpu());
        HyperParams p = hyperParams(t);
        Path features = CommonOptions.resolve(c.features());
        ModelRegistry registry = new ModelRegistry(CommonOptions.resolve(c.registry()));
        Path checkpoints = (checkpointRoot != null ? checkpointRoot : CommonOptions.resolve(t.checkpoints()))
                .resolve(p.model().name().toLowerCase());
        boolean distributed = local == null ? t.distributed() : !local;
        SparkSession spark = distributed
                ? SparkSessions.create(
                        "dltrigger-train", c.spark().master(), c.spark().conf())
                : null;
        try {
            JavaSparkContext sc = spark == null ? null : JavaSparkContext.fromSparkContext(spark.sparkContext());
            FinalTraining.Trained trained = FinalTraining.run(
                    p,
                    new FinalTraining.Settings(
                            features,
                            registry,
                            checkpoints,
                            patience != null ? patience : t.patience(),
                            t.validationParts(),
                            t.averagingFrequency(),
                            t.poolEvents(),
                            sc,
                            CommonOptions.codeVersion(),
                            maxTrainEvents));
            System.out.println("model: " + trained.dir().dir() + "  test AUC "
                    + trained.dir().metrics().auc() + "  particle order "
                    + trained.dir().particleOrder());
            TaskIo.fromEnvironment().output(output(trained, p, distributed));
            if (publish) {
                PublishCommand.publish(registry, trained.dir(), features, t.poolEvents());
            }
            return 0;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    /** The grid search's best configuration, or the configuration's own settings for {@code --model}. */
    private HyperParams hyperParams(TrainingConfig.Train t) throws Exception {
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
        if (learningRate != null) {
            p = p.withLearningRate(learningRate);
        }
        return p;
    }

    private static Map<String, Object> output(FinalTraining.Trained t, HyperParams p, boolean distributed)
            throws java.io.IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", p.model().name());
        o.put("version", t.dir().version());
        o.put("model_dir", t.dir().dir().toAbsolutePath().toString());
        o.put("epochs_run", t.result().trainLoss().size());
        o.put("max_epochs", p.epochs());
        o.put("best_epoch", t.result().bestEpoch());
        o.put("stopped_early", t.result().stoppedEarly());
        o.put("train_events", t.trainEvents());
        o.put("seconds", t.seconds());
        o.put("events_per_second", t.eventsPerSecond());
        o.put("distributed", distributed);
        o.put("hyperparams", p);
        o.put("test_auc", t.dir().metrics().auc());
        o.put("particle_order", t.dir().particleOrder());
        return o;
    }
}
