package io.dltrigger.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The pipeline's own commands (bin/dltrigger snapshot|new-events|report). */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        description = "The retrain pipeline's event-table snapshot, data trigger check and run report.",
        subcommands = {SnapshotCommand.class, NewEventsCommand.class, ReportCommand.class})
public final class PipelineCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PipelineCli());
        // A failure is one line saying why (the engine shows a failed task's last line); DLTRIGGER_DEBUG=1: the trace.
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
