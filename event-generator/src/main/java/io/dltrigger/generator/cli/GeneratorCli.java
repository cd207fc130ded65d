package io.dltrigger.generator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the event-generator stage; bin/dltrigger passes the subcommand as the first argument. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {GenerateCommand.class},
        description = "Delphes-like synthetic event generation.")
public final class GeneratorCli {
    private GeneratorCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new GeneratorCli());
    }
}
