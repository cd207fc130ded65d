package io.dltrigger.bench.generator;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-generator}: the benchmark runs in its stage's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {BenchGeneratorCommand.class})
public final class BenchGeneratorCli {
    private BenchGeneratorCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchGeneratorCli()).execute(args));
    }
}
