package io.dltrigger.filter.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.model.Models;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Flink 2.3 and DL4J/ND4J on one classpath: a MiniCluster job loads a saved, trained DL4J network in its tasks and
 * scores batches with it, giving exactly what the network gives in the test's own JVM.
 */
class ClasspathTest {
    @TempDir
    Path dir;

    @Test
    void aFlinkTaskLoadsAndScoresADl4jModel() throws Exception {
        ComputationGraph net = Models.build(HyperParams.reference(ModelKind.HLF));
        Random r = new Random(7);
        INDArray x = Nd4j.create(batch(r, 256), new long[] {256, 14}, 'c');
        INDArray y = Nd4j.zeros(256, 3);
        for (int i = 0; i < 256; i++) {
            y.putScalar(i, i % 3, 1f);
        }
        for (int step = 0; step < 5; step++) {
            net.fit(new INDArray[] {x}, new INDArray[] {y});
        }
        Path model = dir.resolve("model.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);

        List<float[]> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            batches.add(batch(r, 32));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<float[]> scored = new ArrayList<>();
        env.fromData(batches)
                .map(new Score(model.toString()))
                .executeAndCollect()
                .forEachRemaining(scored::add);

        assertEquals(batches.size(), scored.size());
        for (float[] s : scored) {
            // the task returns its input batch's scores after it: find the batch by its values
            float[] in = java.util.Arrays.copyOf(s, 32 * 14);
            float[] expected = net.output(false, Nd4j.create(in, new long[] {32, 14}, 'c'))[0]
                    .dup('c')
                    .data()
                    .asFloat();
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(s, 32 * 14, s.length), 0f);
        }
    }

    private static float[] batch(Random r, int n) {
        float[] v = new float[n * 14];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    /** Loads the saved network when the task opens; returns each batch followed by its class probabilities. */
    static final class Score extends RichMapFunction<float[], float[]> {
        private final String model;
        private transient ComputationGraph net;

        Score(String model) {
            this.model = model;
        }

        @Override
        public void open(OpenContext context) throws Exception {
            net = ModelSerializer.restoreComputationGraph(model, false);
        }

        @Override
        public float[] map(float[] in) {
            int n = in.length / 14;
            float[] p = net.output(false, Nd4j.create(in, new long[] {n, 14}, 'c'))[0]
                    .dup('c')
                    .data()
                    .asFloat();
            float[] out = java.util.Arrays.copyOf(in, in.length + p.length);
            System.arraycopy(p, 0, out, in.length, p.length);
            return out;
        }
    }
}
