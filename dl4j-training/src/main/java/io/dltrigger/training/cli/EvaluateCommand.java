package io.dltrigger.training.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Metrics;
import io.dltrigger.training.eval.Predictions;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.registry.AtomicFiles;
import io.dltrigger.training.registry.ModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description =
                "Per-class ROC/AUC, accuracy, confusion matrix of a saved model on OUT/test: metrics.json, roc.png, loss.png.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "model directory")
    Path model;

    @Option(names = "--out", description = "output directory (default: MODEL/evaluation)")
    Path out;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        BackendStartup.start(c.gpu());
        ModelDir m = new ModelDir(model);
        FeatureDataset test = FeatureDataset.open(
                CommonOptions.resolve(c.features()).resolve("test").toString());
        Predictions pred = Scoring.predict(
                m.network(), m.kind(), test.splits(), Holdout.ALL, c.train().poolEvents());
        Metrics trained = m.metrics();
        Metrics metrics = Metrics.of(pred, trained.trainLoss(), trained.validationLoss());
        Path target = out != null ? out : model.resolve("evaluation");
        Path tmp = AtomicFiles.tempSibling(target);
        Files.createDirectories(tmp);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(tmp.resolve("metrics.json").toFile(), metrics);
        ModelDir.writePlots(tmp, metrics, pred);
        AtomicFiles.replaceDirectory(tmp, target);
        System.out.printf(
                "%d events: AUC %s, accuracy %.4f, particle order %s -> %s%n",
                metrics.events(), metrics.auc(), metrics.accuracy(), m.particleOrder(), target);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", m.kind().name());
        o.put("version", m.version());
        o.put("test_events", metrics.events());
        o.put("auc", metrics.auc());
        o.put("accuracy", metrics.accuracy());
        o.put("particle_order", m.particleOrder());
        o.put("confusion", metrics.confusion());
        o.put("test_loss", metrics.testLoss());
        o.put("train_loss", metrics.trainLoss());
        o.put("validation_loss", metrics.validationLoss());
        Path dir = target.toAbsolutePath();
        o.put("metrics_json", dir.resolve("metrics.json").toString());
        o.put("roc_png", dir.resolve("roc.png").toString());
        o.put("loss_png", dir.resolve("loss.png").toString());
        TaskIo.fromEnvironment().output(o);
        return 0;
    }
}
