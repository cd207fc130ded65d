package io.dltrigger.bench.training;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-training}: the benchmark runs in its stage's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {BenchCommand.class})
public final class BenchTrainingCli {
    private BenchTrainingCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchTrainingCli()).execute(args));
    }
}
