package io.dltrigger.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the arrow-bridge JVM: {@code bin/dltrigger inspect ...}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {InspectCommand.class})
public final class BridgeCli {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BridgeCli()).execute(args));
    }
}
