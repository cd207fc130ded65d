package io.dltrigger.training.cli;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Make a registry version the current model of its kind if its ttbar AUC on OUT/test beats the current",
            "one's on the same test set. Exits 0 either way: its output says whether it was published and why."
        })
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
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("version", new ModelDir(model).version());
        o.put("kind", new ModelDir(model).kind().name());
        o.put("published", d.published());
        o.put("reason", d.reason());
        o.put("candidate_auc", d.candidateAuc());
        o.put("current_auc", d.currentAuc());
        o.put("current_version", d.currentVersion());
        TaskIo.fromEnvironment().output(o);
        return 0;
    }

    static ModelRegistry.Decision publish(ModelRegistry registry, ModelDir dir, Path features, int poolEvents)
            throws IOException {
        FeatureDataset test = FeatureDataset.open(features.resolve("test").toString());
        ModelRegistry.Decision d = registry.publishIfBetter(dir, test.splits(), test.manifestHash(), poolEvents);
        System.out.println((d.published() ? "published: " : "not published, current kept: ") + d.reason());
        return d;
    }
}
