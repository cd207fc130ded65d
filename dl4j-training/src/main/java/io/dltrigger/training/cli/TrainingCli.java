package io.dltrigger.training.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the tune/train/evaluate/score/publish subcommands (see bin/dltrigger). */
@Command(
        name = "dltrigger",
        mixinStandardHelpOptions = true,
        description =
                "Grid search, distributed training, evaluation and scoring of the DLTrigger classifiers (DL4J on Spark).",
        subcommands = {
            TuneCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ScoreCommand.class,
            PublishCommand.class,
            GridCommand.class,
            TuneBestCommand.class
        })
public final class TrainingCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new TrainingCli());
        // A failure ends with one line saying why (the engine shows a failed task's last line); the trace is in
        // the log above it.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            e.printStackTrace();
            Throwable root = e;
            while (root.getCause() != null && root.getMessage() == null) {
                root = root.getCause();
            }
            cmd.getErr().println("dltrigger " + cmd.getCommandName() + ": " + root.getMessage());
            cmd.getErr().flush();
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
