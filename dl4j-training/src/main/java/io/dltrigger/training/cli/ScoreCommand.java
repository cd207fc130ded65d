package io.dltrigger.training.cli;

import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.score.Scorer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description =
                "Score a features Parquet dataset with a saved model: predictions Parquet (source_file, entry, label, p_qcd, p_ttbar, p_wjets, predicted).")
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "model directory")
    Path model;

    @Option(names = "--input", required = true, description = "features Parquet dataset (e.g. OUT/test)")
    Path input;

    @Option(names = "--output", required = true, description = "predictions directory (replaced when complete)")
    Path output;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        BackendStartup.start(c.gpu());
        ModelDir m = new ModelDir(model);
        long n = Scorer.score(m.network(), m.kind(), FeatureDataset.open(input.toString()), output);
        System.out.printf("scored %d events -> %s%n", n, output);
        return 0;
    }
}
