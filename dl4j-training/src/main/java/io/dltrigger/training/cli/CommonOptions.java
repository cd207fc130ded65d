package io.dltrigger.training.cli;

import io.dltrigger.training.backend.GpuPolicy;
import io.dltrigger.training.config.TrainingConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the subcommands: the configuration file and the overrides most often needed. */
final class CommonOptions {
    @Option(
            names = "--config",
            description = "configuration file (default: conf/training.yaml under the DLTrigger home)")
    Path config;

    @Option(
            names = "--features",
            description = "features table OUT (with train/, test/, scaler.json); overrides 'features'")
    Path features;

    @Option(
            names = "--master",
            description = "Spark master, e.g. local[*], spark://host:7077; overrides 'spark.master'")
    String master;

    @Option(names = "--gpu", description = "OFF, AUTO or REQUIRE; overrides 'gpu'")
    GpuPolicy gpu;

    @Option(names = "--registry", description = "model registry root; overrides 'registry'")
    Path registry;

    static Path home() {
        return Path.of(System.getProperty("dltrigger.home", "."));
    }

    TrainingConfig load() {
        Path file = config != null ? config : home().resolve("conf/training.yaml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("configuration file " + file + " does not exist");
        }
        TrainingConfig c = TrainingConfig.load(file);
        TrainingConfig.SparkSettings spark = master == null
                ? c.spark()
                : new TrainingConfig.SparkSettings(master, c.spark().conf());
        return new TrainingConfig(
                features != null ? features.toString() : c.features(),
                spark,
                gpu != null ? gpu : c.gpu(),
                c.tune(),
                c.train(),
                registry != null ? registry.toString() : c.registry());
    }

    /** Paths in the configuration are relative to the DLTrigger home. */
    static Path resolve(String p) {
        return home().resolve(p);
    }

    /** {@code git describe} of the DLTrigger home, or "unknown" outside a git checkout. */
    static String codeVersion() {
        try {
            Process p = new ProcessBuilder("git", "-C", home().toString(), "describe", "--always", "--dirty", "--tags")
                    .redirectErrorStream(true)
                    .start();
            String line;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = r.readLine();
            }
            return p.waitFor() == 0 && line != null ? line.trim() : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
