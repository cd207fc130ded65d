package io.dltrigger.bench.ingest;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-ingest}: the benchmark runs in its stage's JVM setup. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {BenchIngestCommand.class})
public final class BenchIngestCli {
    private BenchIngestCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchIngestCli()).execute(args));
    }
}
