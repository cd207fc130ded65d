package io.dltrigger.bridge.cli;

import io.dltrigger.bridge.bench.ReaderBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the arrow-bridge JVM: {@code bin/dltrigger inspect|bench-reader ...}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {InspectCommand.class, ReaderBenchmark.class})
public final class BridgeCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BridgeCli()).execute(args));
    }
}
