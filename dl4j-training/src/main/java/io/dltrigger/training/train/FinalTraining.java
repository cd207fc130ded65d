package io.dltrigger.training.train;

import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Metrics;
import io.dltrigger.training.eval.Predictions;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.registry.AtomicFiles;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train step: the configuration trained on {@code OUT/train} (minus a validation holdout for early stopping),
 * with parameter averaging over Spark or in this process, evaluated on {@code OUT/test}, and written as a new
 * version of the model registry. Checkpoints live in {@code checkpoints} until the version is written, so an
 * interrupted run restarted with the same arguments resumes.
 */
public final class FinalTraining {
    private static final Logger LOG = LoggerFactory.getLogger(FinalTraining.class);

    /** Settings beyond the hyperparameters. {@code sc} null means single-process training. */
    public record Settings(
            Path features,
            ModelRegistry registry,
            Path checkpoints,
            int patience,
            int validationParts,
            int averagingFrequency,
            int poolEvents,
            JavaSparkContext sc,
            String codeVersion) {}

    private FinalTraining() {}

    public static ModelDir run(HyperParams p, Settings s) throws IOException {
        FeatureDataset train = FeatureDataset.open(s.features().resolve("train").toString());
        FeatureDataset test = FeatureDataset.open(s.features().resolve("test").toString());
        Holdout trainSide = Holdout.training(s.validationParts(), 0);
        Holdout valSide = Holdout.validation(s.validationParts(), 0);
        var splits = train.splits();
        LOG.info(
                "training {} on {} events ({} row groups), 1/{} held out for validation, {}",
                p.model(),
                train.rows(),
                splits.size(),
                s.validationParts(),
                s.sc() == null ? "single process" : "parameter averaging on " + s.sc().master());
        TrainingLoop loop =
                new TrainingLoop(p, splits, valSide, new Checkpoints(s.checkpoints()), s.patience(), s.poolEvents());
        TrainingLoop.Result r = loop.run(net -> s.sc() == null
                ? new LocalFitter(net, p, splits, trainSide, s.poolEvents())
                : new SparkFitter(
                        s.sc(),
                        net,
                        p,
                        splits,
                        trainSide,
                        s.poolEvents(),
                        s.averagingFrequency(),
                        s.checkpoints().resolve("export").toUri().toString()));
        Predictions pred = Scoring.predict(r.best(), p.model(), test.splits(), Holdout.ALL, s.poolEvents());
        Metrics metrics = Metrics.of(pred, r.trainLoss(), r.validationLoss());
        LOG.info("test set ({} events): AUC {}, accuracy {}", metrics.events(), metrics.auc(), metrics.accuracy());
        ModelDir dir = ModelDir.write(
                s.registry().newVersionPath(p.model().name()),
                r.best(),
                p,
                metrics,
                new ModelDir.Provenance(
                        train.manifestHash(),
                        test.manifestHash(),
                        s.codeVersion(),
                        Instant.now().toString()),
                s.features().resolve("scaler.json"),
                pred);
        AtomicFiles.deleteTree(s.checkpoints());
        LOG.info("model written to {}", dir.dir());
        return dir;
    }
}
