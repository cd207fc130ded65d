package io.dltrigger.training.train;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recurrent models trained end to end (Parquet, shuffled batches, our training step, early-stopping loop) on
 * the synthetic table, where ttbar shifts one of 19 particle features by one standard deviation on each of its
 * ~24 particles: a model that uses the sequence separates it well (the HLF alone reach about 0.92). Scored by
 * DL4J's own forward pass, so this also checks that what the step trains is what the saved network computes.
 */
class RecurrentTrainingTest {
    static final double MIN_TTBAR_AUC = 0.93;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"SEQUENCE", "INCLUSIVE"})
    void reachesAGoodAuc(ModelKind kind) throws Exception {
        Path features = TestSpark.features();
        List<FeatureSplit> train =
                FeatureDataset.open(features.resolve("train").toString()).splits();
        List<FeatureSplit> test =
                FeatureDataset.open(features.resolve("test").toString()).splits();
        HyperParams p =
                new HyperParams(kind, kind == ModelKind.INCLUSIVE ? List.of(25) : List.of(), 16, 0.2, 5e-3, 64, 4, 42);
        TrainingLoop.Result r = new TrainingLoop(p, train, Holdout.validation(10, 0), new Checkpoints(tmp), 100, 10_000)
                .run(net -> new LocalFitter(net, p, train, Holdout.training(10, 0), 10_000));
        double auc = Scoring.predict(r.best(), kind, test, Holdout.ALL, 10_000)
                .roc(1)
                .auc();
        assertTrue(auc > MIN_TTBAR_AUC, kind + " ttbar AUC " + auc);
        assertTrue(
                r.validationLoss().get(r.validationLoss().size() - 1)
                        < r.validationLoss().get(0),
                "validation loss went down: " + r.validationLoss());
    }
}
