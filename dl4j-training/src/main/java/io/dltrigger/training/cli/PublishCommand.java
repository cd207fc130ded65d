package io.dltrigger.training.cli;

import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Make a registry version the current model if its ttbar AUC on OUT/test beats the current one's.")
final class PublishCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(
            names = "--model",
            required = true,
            description = "the candidate version's directory (REGISTRY/models/VERSION)")
    Path model;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        BackendStartup.start(c.gpu());
        ModelRegistry.Decision d = publish(
                new ModelRegistry(CommonOptions.resolve(c.registry())),
                new ModelDir(model),
                CommonOptions.resolve(c.features()),
                c.train().poolEvents());
        return d.published() ? 0 : 3;
    }

    static ModelRegistry.Decision publish(ModelRegistry registry, ModelDir dir, Path features, int poolEvents)
            throws IOException {
        FeatureDataset test = FeatureDataset.open(features.resolve("test").toString());
        ModelRegistry.Decision d = registry.publishIfBetter(dir, test.splits(), test.manifestHash(), poolEvents);
        System.out.printf(
                "candidate ttbar AUC %.5f, current %s: %s%n",
                d.candidateAuc(),
                d.currentAuc() == null ? "none" : String.format("%.5f", d.currentAuc()),
                d.published() ? "published" : "not better, current kept");
        return d;
    }
}
