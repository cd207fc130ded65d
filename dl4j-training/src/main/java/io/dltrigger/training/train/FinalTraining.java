package io.dltrigger.training.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.FeaturesTableContract;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * Settings beyond the hyperparameters. {@code sc} null means single-process training; {@code maxTrainEvents}
     * above 0 trains on a subsample of about that many events (the validation side stays whole).
     */
    public record Settings(
            Path features,
            ModelRegistry registry,
            Path checkpoints,
            int patience,
            int validationParts,
            int averagingFrequency,
            int poolEvents,
            JavaSparkContext sc,
            String codeVersion,
            long maxTrainEvents) {
        public Settings {
            if (maxTrainEvents < 0) {
                throw new IllegalArgumentException("max train events must be >= 0 (0: all), got " + maxTrainEvents);
            }
        }
    }

    /**
     * A trained and registered model: its directory, its loss history and stop, and how fast it trained.
     *
     * @param trainEvents training events per epoch (after the validation holdout and any subsample; estimated)
     * @param seconds time in the training loop (all epochs, validation included)
     */
    public record Trained(ModelDir dir, TrainingLoop.Result result, long trainEvents, double seconds) {
        /** Training events per second, over every epoch run. */
        public double eventsPerSecond() {
            return seconds <= 0 ? 0 : trainEvents * (double) result.trainLoss().size() / seconds;
        }
    }

    private FinalTraining() {}

    public static Trained run(HyperParams p, Settings s) throws IOException {
        FeatureDataset train = FeatureDataset.open(s.features().resolve("train").toString());
        FeatureDataset test = FeatureDataset.open(s.features().resolve("test").toString());
        long available = train.rows() - train.rows() / s.validationParts();
        int thin = s.maxTrainEvents() > 0 && available > s.maxTrainEvents()
                ? (int) Math.ceil((double) available / s.maxTrainEvents())
                : 1;
        Holdout trainSide = Holdout.training(s.validationParts(), 0).thinned(thin);
        Holdout valSide = Holdout.validation(s.validationParts(), 0);
        long trainEvents = available / thin;
        var splits = train.splits();
        LOG.info(
                "training {} on about {} events of {} ({} row groups{}), 1/{} held out for validation, {}",
                p.model(),
                trainEvents,
                train.rows(),
                splits.size(),
                thin > 1 ? ", one event in " + thin : "",
                s.validationParts(),
                s.sc() == null ? "single process" : "parameter averaging on " + s.sc().master());
        long t0 = System.nanoTime();
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
        double seconds = (System.nanoTime() - t0) / 1e9;
        Predictions pred = Scoring.predict(r.best(), p.model(), test.splits(), Holdout.ALL, s.poolEvents());
        Metrics metrics = Metrics.of(pred, r.trainLoss(), r.validationLoss());
        LOG.info("test set ({} events): AUC {}, accuracy {}", metrics.events(), metrics.auc(), metrics.accuracy());
        ModelDir dir = ModelDir.write(
                s.registry().newVersionPath(p.model().name()),
                r.best(),
                p,
                metrics,
                provenance(s, train, test),
                s.features().resolve("scaler.json"),
                pred);
        AtomicFiles.deleteTree(s.checkpoints());
        LOG.info("model written to {}", dir.dir());
        return new Trained(dir, r, trainEvents, seconds);
    }

    /** The data and code versions, and what the event table held when the features were built (their summary). */
    private static ModelDir.Provenance provenance(Settings s, FeatureDataset train, FeatureDataset test)
            throws IOException {
        Path summary = s.features().resolve(FeaturesTableContract.SUMMARY_FILE);
        Long rows = null;
        Map<String, Long> perSample = new TreeMap<>();
        if (Files.isRegularFile(summary)) {
            JsonNode n = new ObjectMapper().readTree(summary.toFile());
            rows = n.path("events_read").asLong();
            n.path("classes")
                    .forEach(c -> perSample.merge(
                            c.path("sample").asText(), c.path("read").asLong(), Long::sum));
        }
        return new ModelDir.Provenance(
                train.manifestHash(),
                test.manifestHash(),
                s.codeVersion(),
                Instant.now().toString(),
                rows,
                perSample);
    }
}
