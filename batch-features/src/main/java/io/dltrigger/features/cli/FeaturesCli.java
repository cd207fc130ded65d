package io.dltrigger.features.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the batch-features stage: {@code bin/dltrigger features ...}. */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        description = "Trigger selection and feature tables on Spark.",
        subcommands = {FeaturesCommand.class})
public final class FeaturesCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new FeaturesCli());
        // Bad input (a missing column, an existing output, a bad config) is a message, not a stack trace;
        // DLTRIGGER_DEBUG=1 shows the trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("DLTRIGGER_DEBUG") != null) {
                e.printStackTrace();
            }
            cmd.getErr().println("dltrigger " + cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
