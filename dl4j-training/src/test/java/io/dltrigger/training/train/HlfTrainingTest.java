package io.dltrigger.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.training.TestSpark;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HLF classifier on the synthetic table. Its ttbar features are shifted by 1 standard deviation in two of
 * 14 HLF (and the other classes in two others each), so the Bayes-optimal ttbar-vs-rest AUC is about 0.92;
 * a trained model must reach at least 0.85 (chance is 0.5).
 */
class HlfTrainingTest {
    static final double MIN_TTBAR_AUC = 0.85;
    static final HyperParams PARAMS = new HyperParams(ModelKind.HLF, List.of(50, 20, 10), 0, 0, 5e-3, 64, 8, 42);

    static List<FeatureSplit> train;
    static List<FeatureSplit> test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        Path features = TestSpark.features();
        train = FeatureDataset.open(features.resolve("train").toString()).splits();
        test = FeatureDataset.open(features.resolve("test").toString()).splits();
    }

    private double testAuc(TrainingLoop.Result r) {
        return Scoring.predict(r.best(), ModelKind.HLF, test, Holdout.ALL, 10_000)
                .roc(1)
                .auc();
    }

    private TrainingLoop loop(Path dir) {
        return new TrainingLoop(PARAMS, train, Holdout.validation(10, 0), new Checkpoints(dir), 100, 10_000);
    }

    @Test
    void singleProcessAndParameterAveragingReachTheSameAuc() throws Exception {
        TrainingLoop.Result single = loop(tmp.resolve("single"))
                .run(net -> new LocalFitter(net, PARAMS, train, Holdout.training(10, 0), 10_000));
        double singleAuc = testAuc(single);
        assertTrue(singleAuc > MIN_TTBAR_AUC, "single-process ttbar AUC " + singleAuc);
        assertEquals(PARAMS.epochs(), single.validationLoss().size());
        assertTrue(
                single.validationLoss().get(PARAMS.epochs() - 1)
                        < single.validationLoss().get(0),
                "validation loss went down: " + single.validationLoss());

        JavaSparkContext sc =
                JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        TrainingLoop.Result averaged = loop(tmp.resolve("spark"))
                .run(net -> new SparkFitter(
                        sc,
                        net,
                        PARAMS,
                        train,
                        Holdout.training(10, 0),
                        10_000,
                        3,
                        tmp.resolve("export").toUri().toString()));
        double averagedAuc = testAuc(averaged);
        assertEquals(singleAuc, averagedAuc, 0.01, "parameter averaging on local[2] vs single process");
    }
}
