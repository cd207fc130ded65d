package io.dltrigger.training.train;

import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ShuffledBatches;
import io.dltrigger.training.model.HyperParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Data-parallel training with dl4j-spark's parameter averaging: each epoch, every Spark task reads its share of
 * the row groups (shuffled within a bounded pool) into minibatches; the training master exports them to
 * {@code exportDir}, trains a copy of the network per worker and averages parameters (and Adam's state) every
 * {@code averagingFrequency} minibatches.
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

    public SparkFitter(JavaSparkContext sc, ComputationGraph net, HyperParams params, List<FeatureSplit> splits,
            Holdout holdout, int poolEvents, int averagingFrequency, String exportDir) {
        this.sc = sc;
        this.params = params;
        this.splits = splits;
        this.holdout = holdout;
        this.poolEvents = poolEvents;
        this.partitions = Math.max(1, Math.min(splits.size(), sc.defaultParallelism()));
        this.master = new ParameterAveragingTrainingMaster.Builder(1)
                .batchSizePerWorker(params.batchSize())
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(2)
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Export)
                .exportDirectory(exportDir)
                .rngSeed(params.seed())
                .build();
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
        JavaRDD<MultiDataSet> data = sc.parallelize(order, partitions).mapPartitionsWithIndex((index, it) -> {
            List<FeatureSplit> mine = new ArrayList<>();
            it.forEachRemaining(mine::add);
            return (java.util.Iterator<MultiDataSet>) new ShuffledBatches(mine, h, model, batch, pool, seed + index);
        }, false);
        sparkNet.fitMultiDataSet(data);
        master.deleteTempFiles(sc);
        return sparkNet.getScore();
    }

    @Override
    public ComputationGraph network() {
        return sparkNet.getNetwork();
    }
}
