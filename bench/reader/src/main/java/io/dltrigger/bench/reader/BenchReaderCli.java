package io.dltrigger.bench.reader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-reader}: the benchmark runs in its stage's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {ReaderBenchmark.class, StorageBenchmark.class})
public final class BenchReaderCli {
    private BenchReaderCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchReaderCli()).execute(args));
    }
}
