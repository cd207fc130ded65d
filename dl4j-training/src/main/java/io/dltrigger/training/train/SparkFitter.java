package io.dltrigger.training.train;

import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ShuffledBatches;
import io.dltrigger.training.model.HyperParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;

/**
 * Data-parallel training with dl4j-spark's parameter averaging: each epoch, every Spark task reads its share of
 * the row groups (shuffled within a bounded pool) into minibatches and saves them under {@code exportDir}, one
 * file per minibatch; the training master then trains a copy of the network per worker on those files and
 * averages parameters (and Adam's state) every {@code averagingFrequency} minibatches. (This is what its own
 * Export mode does, done here so that {@link BatchFiles} can read the batches back correctly.)
 */
public final class SparkFitter implements EpochFitter {
    private final JavaSparkContext sc;
    private final SparkComputationGraph sparkNet;
    private final ParameterAveragingTrainingMaster master;
    private final HyperParams params;
    private final List<FeatureSplit> splits;
    private final Holdout holdout;
    private final int poolEvents;
    private final int partitions;
    private final String exportDir;

    public SparkFitter(
            JavaSparkContext sc,
            ComputationGraph net,
            HyperParams params,
            List<FeatureSplit> splits,
            Holdout holdout,
            int poolEvents,
            int averagingFrequency,
            String exportDir) {
        this.sc = sc;
        this.params = params;
        this.splits = splits;
        this.holdout = holdout;
        this.poolEvents = poolEvents;
        this.partitions = Math.max(1, Math.min(splits.size(), sc.defaultParallelism()));
        // Both arguments matter. The worker count: for graphs trained from paths the master would otherwise take it
        // from a (null) MultiLayer network. Examples per file = one minibatch: the master sizes each averaging round
        // as workers x averagingFrequency x batch / examples-per-file files, and a worker trains at most
        // averagingFrequency minibatches per round, so a wrong count here silently skips most of the data.
        this.master = new ParameterAveragingTrainingMaster.Builder(sc.defaultParallelism(), params.batchSize())
                .batchSizePerWorker(params.batchSize())
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(2)
                .saveUpdater(true)
                .rngSeed(params.seed())
                .build();
        this.exportDir = exportDir;
        this.sparkNet = new SparkComputationGraph(sc, net, master);
    }

    @Override
    public double fitEpoch(int epoch) {
        List<FeatureSplit> order = new ArrayList<>(splits);
        Collections.shuffle(order, new Random(params.seed() * 31 + epoch));
        var model = params.model();
        int batch = params.batchSize();
        int pool = poolEvents;
        Holdout h = holdout;
        long seed = params.seed() * 31 + epoch;
        String dir = exportDir + "/epoch-" + epoch;
        JavaRDD<String> paths = sc.parallelize(order, partitions)
                .mapPartitionsWithIndex(
                        (index, it) -> {
                            List<FeatureSplit> mine = new ArrayList<>();
                            it.forEachRemaining(mine::add);
                            ShuffledBatches batches = new ShuffledBatches(mine, h, model, batch, pool, seed + index);
                            org.apache.hadoop.fs.FileSystem fs =
                                    new Path(dir).getFileSystem(new org.apache.hadoop.conf.Configuration());
                            List<String> written = new ArrayList<>();
                            while (batches.hasNext()) {
                                Path file = new Path(dir, "part-" + index + "-" + written.size() + ".bin");
                                try (var out = fs.create(file, true)) {
                                    batches.next().save(out);
                                }
                                written.add(file.toString());
                            }
                            return written.iterator();
                        },
                        false)
                .cache();
        paths.count();
        try {
            sparkNet.fitPaths(paths, new BatchFiles());
        } finally {
            paths.unpersist();
            Path d = new Path(dir);
            try {
                d.getFileSystem(sc.hadoopConfiguration()).delete(d, true);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot remove the epoch's batches in " + dir, e);
            }
        }
        return sparkNet.getScore();
    }

    @Override
    public ComputationGraph network() {
        return sparkNet.getNetwork();
    }
}
