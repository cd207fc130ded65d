package io.dltrigger.filter.cli;

import io.dltrigger.contract.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the stream filter: {@code bin/dltrigger filter ...}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {FilterCommand.class},
        description = "The classifier as the trigger's event filter (Flink): scores the event table as it grows.")
public final class FilterCli {
    private FilterCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FilterCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
