package io.dltrigger.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The engine's command line, reached through bin/dltrigger: {@code engine server|scheduler|run},
 * {@code dags}, {@code runs}, {@code trigger}, {@code backfill}, {@code tasks}, {@code tokens}, {@code audit}, {@code assets}.
 * Only {@code engine ...} and {@code dags validate} work without a running engine: the others ask it over REST.
 */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        description = "The DLTrigger DAG engine.",
        subcommands = {
            EngineCommand.class,
            DagsCommand.class,
            RunsCommand.class,
            TriggerCommand.class,
            BackfillCommand.class,
            TasksCommand.class,
            TokensCommand.class,
            AuditCommand.class,
            AssetsCommand.class
        })
public final class EngineCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new EngineCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable root = e;
            while (root.getCause() != null && root.getMessage() == null) {
                root = root.getCause();
            }
            cmd.getErr().println("error: " + root.getMessage());
            cmd.getErr().flush();
            return 2;
        });
        return cl;
    }
}
