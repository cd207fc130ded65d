package io.dltrigger.bench.features;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-features}: the benchmark runs in its stage's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {BenchFeaturesCommand.class})
public final class BenchFeaturesCli {
    private BenchFeaturesCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchFeaturesCli()).execute(args));
    }
}
