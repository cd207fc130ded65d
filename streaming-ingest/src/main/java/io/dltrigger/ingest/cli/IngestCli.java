package io.dltrigger.ingest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the streaming-ingest stage: {@code bin/dltrigger ingest ...}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        subcommands = {IngestCommand.class, ReingestCommand.class},
        description = "Flink ingestion of ROOT files into the Parquet event table.")
public final class IngestCli {
    private IngestCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new IngestCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof io.dltrigger.contract.config.ConfigException) {
                cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
