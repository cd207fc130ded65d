package io.dltrigger.bench.filter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-filter}: the benchmark runs in the stream filter's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {BenchFilterCommand.class})
public final class BenchFilterCli {
    private BenchFilterCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchFilterCli()).execute(args));
    }
}
