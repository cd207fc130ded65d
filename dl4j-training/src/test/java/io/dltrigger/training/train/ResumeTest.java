package io.dltrigger.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.training.TestSpark;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
    @TempDir
    Path tmp;

    private static TrainingLoop.Result run(HyperParams p, List<FeatureSplit> splits, Path dir) throws Exception {
        return new TrainingLoop(p, splits, Holdout.validation(10, 0), new Checkpoints(dir), 100, 5_000)
                .run(net -> new LocalFitter(net, p, splits, Holdout.training(10, 0), 5_000));
    }

    /** Stopping after 2 epochs and restarting for 4 gives exactly the network of an uninterrupted 4-epoch run. */
    @Test
    void restartedRunResumesFromLastCheckpoint() throws Exception {
        List<FeatureSplit> splits = FeatureDataset.open(
                        TestSpark.features().resolve("train").toString())
                .splits()
                .subList(0, 1);
        HyperParams four = new HyperParams(ModelKind.HLF, List.of(50, 20, 10), 0, 0, 1e-3, 64, 4, 42);
        run(four, splits, tmp.resolve("straight"));

        TrainingLoop.Result firstHalf = run(four.withEpochs(2), splits, tmp.resolve("resumed"));
        assertEquals(2, firstHalf.trainLoss().size());
        assertTrue(Files.isDirectory(tmp.resolve("resumed/epoch-0002")));
        TrainingLoop.Result resumed = run(four, splits, tmp.resolve("resumed"));
        assertEquals(4, resumed.trainLoss().size());
        assertEquals(firstHalf.trainLoss(), resumed.trainLoss().subList(0, 2), "history carried over");

        float[] want = new Checkpoints(tmp.resolve("straight"))
                .latest()
                .orElseThrow()
                .network()
                .params()
                .toFloatVector();
        float[] got = new Checkpoints(tmp.resolve("resumed"))
                .latest()
                .orElseThrow()
                .network()
                .params()
                .toFloatVector();
        assertArrayEquals(want, got, 1e-6f);
    }
}
