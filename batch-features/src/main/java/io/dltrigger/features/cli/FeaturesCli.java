package io.dltrigger.features.cli;

import io.dltrigger.features.bench.BenchFeaturesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the batch-features stage: {@code bin/dltrigger features|bench-features ...}. */
@Command(name = "dltrigger", mixinStandardHelpOptions = true,
        description = "Trigger selection and feature tables on Spark.",
        subcommands = {FeaturesCommand.class, BenchFeaturesCommand.class})
public final class FeaturesCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new FeaturesCli()).execute(args));
    }
}
