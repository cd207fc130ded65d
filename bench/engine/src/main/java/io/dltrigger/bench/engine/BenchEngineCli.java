package io.dltrigger.bench.engine;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/dltrigger bench-engine}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {EngineBench.class})
public final class BenchEngineCli {
    private BenchEngineCli() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchEngineCli()).execute(args));
    }
}
