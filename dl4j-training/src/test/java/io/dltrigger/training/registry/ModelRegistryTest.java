package io.dltrigger.training.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.KeepThreshold;
import io.dltrigger.training.TestSpark;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Metrics;
import io.dltrigger.training.eval.Predictions;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.score.Scorer;
import io.dltrigger.training.train.FinalTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path tmp;

    @Test
    void aModelThatReadsParticlesNamesTheFeaturesParticleOrder() throws Exception {
        Path features = TestSpark.features();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("registry"));
        var settings =
                new FinalTraining.Settings(features, registry, tmp.resolve("ckpt"), 3, 10, 5, 10_000, null, "test", 0);
        HyperParams sequence = new HyperParams(ModelKind.SEQUENCE, List.of(), 8, 0.2, 5e-3, 64, 1, 42);
        ModelDir dir = FinalTraining.run(sequence, settings).dir();
        assertEquals(
                "AS_READ", dir.particleOrder(), "the features' particle order, from the scaler.json they recorded");
    }

    @Test
    void trainedVersionReloadsScoresIdenticallyAndPublishesOnlyIfBetter() throws Exception {
        Path features = TestSpark.features();
        ModelRegistry registry = new ModelRegistry(tmp.resolve("registry"));
        var settings =
                new FinalTraining.Settings(features, registry, tmp.resolve("ckpt"), 3, 10, 5, 10_000, null, "test", 0);
        HyperParams good = new HyperParams(ModelKind.HLF, List.of(50, 20, 10), 0, 0, 5e-3, 64, 3, 42);
        ModelDir dir = FinalTraining.run(good, settings).dir();

        for (String f : List.of(
                "model.zip",
                "feature-spec.json",
                "scaler.json",
                "config.json",
                "metrics.json",
                "provenance.json",
                "loss.png",
                "roc.png")) {
            assertTrue(Files.size(dir.dir().resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(tmp.resolve("ckpt")), "checkpoints removed once the version is written");
        FeatureDataset test = FeatureDataset.open(features.resolve("test").toString());
        assertEquals(test.manifestHash(), dir.provenance().testData());
        Metrics m = dir.metrics();
        assertEquals(test.rows(), m.events());
        assertEquals(good, dir.hyperParams());
        assertEquals("none", dir.particleOrder(), "HLF reads no particles, whatever the features' order");

        // reload scores identically to the metrics recorded at training time
        Predictions again = Scoring.predict(dir.network(), dir.kind(), test.splits(), Holdout.ALL, 10_000);
        assertEquals(m.auc().get("ttbar"), again.roc(1).auc(), 1e-12);
        assertEquals(m.testLoss(), again.crossEntropy(), 1e-9);

        // score: one row per event, probabilities equal to the in-process ones
        Path scored = tmp.resolve("scored");
        assertEquals(test.rows(), Scorer.score(dir.network(), dir.kind(), test, scored));
        Dataset<Row> rows = TestSpark.session().read().parquet(scored.toString());
        assertEquals(test.rows(), rows.count());
        Row first = rows.orderBy("entry").first();
        assertTrue(Math.abs(
                        first.<Float>getAs("p_qcd") + first.<Float>getAs("p_ttbar") + first.<Float>getAs("p_wjets") - 1)
                < 1e-4);

        // publish: the first version becomes its kind's current; a worse one (hardly learning) does not replace it
        ModelRegistry.Decision initial =
                registry.publishIfBetter(dir, test.splits(), test.manifestHash(), 10_000, KeepThreshold.Goal.DEFAULT);
        assertTrue(initial.published());
        assertTrue(initial.reason().startsWith("the first HLF model"), initial.reason());
        // its keep threshold: chosen on the test set, stored in the version folder before the pointer moved
        KeepThreshold t = KeepThreshold.read(dir.dir().resolve(KeepThreshold.FILE));
        assertEquals(t, initial.threshold());
        assertEquals(List.of("ttbar", "wjets"), t.keepClasses());
        assertEquals(test.rows(), t.signalEvents() + t.backgroundEvents());
        assertEquals(test.manifestHash(), t.testData());
        assertTrue(t.signalEfficiency() >= 0.99, t.toString());
        long kept = 0;
        long signal = 0;
        for (int i = 0; i < again.size(); i++) {
            float[] p = {again.prob(i, 0), again.prob(i, 1), again.prob(i, 2)};
            if (again.label(i) != 0) {
                signal++;
                kept += t.keep(t.score(p, 0)) ? 1 : 0;
            }
        }
        assertEquals(t.signalEfficiency(), (double) kept / signal, 1e-12, "the stored rule reproduces its figure");
        HyperParams frozen = new HyperParams(ModelKind.HLF, List.of(50, 20, 10), 0, 0, 1e-9, 64, 1, 42);
        ModelDir worse = FinalTraining.run(frozen, settings).dir();
        ModelRegistry.Decision d =
                registry.publishIfBetter(worse, test.splits(), test.manifestHash(), 10_000, KeepThreshold.Goal.DEFAULT);
        assertFalse(d.published());
        assertFalse(Files.exists(worse.dir().resolve(KeepThreshold.FILE)), "no threshold for a model not published");
        assertTrue(d.candidateAuc() < d.currentAuc());
        assertEquals(dir.version(), d.currentVersion());
        assertTrue(d.reason().startsWith("not better: ttbar AUC"), d.reason());
        assertEquals(
                dir.version(), registry.current(ModelKind.HLF).orElseThrow().version());
        assertTrue(registry.current(ModelKind.SEQUENCE).isEmpty(), "each kind has its own current model");
        assertEquals(
                dir.version(),
                io.dltrigger.contract.ModelRegistryContract.current(tmp.resolve("registry"), "HLF")
                        .orElseThrow()
                        .version());
    }

    @Test
    void savedNetworkOutputsAreBitIdenticalAfterReload() throws Exception {
        Path features = TestSpark.features();
        var splits = FeatureDataset.open(features.resolve("test").toString())
                .splits()
                .subList(0, 1);
        var net = io.dltrigger.training.model.Models.build(HyperParams.reference(ModelKind.INCLUSIVE));
        var block = io.dltrigger.training.data.ParquetFeatureReader.read(splits.get(0), true);
        float[] before = Scoring.probabilities(net, ModelKind.INCLUSIVE, block);
        Path zip = tmp.resolve("m.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(net, zip.toFile(), false);
        var back = org.deeplearning4j.util.ModelSerializer.restoreComputationGraph(zip.toFile(), false);
        assertArrayEquals(before, Scoring.probabilities(back, ModelKind.INCLUSIVE, block));
    }
}
