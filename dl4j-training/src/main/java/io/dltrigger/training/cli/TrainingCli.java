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
            PublishCommand.class
        })
public final class TrainingCli implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainingCli()).execute(args));
    }
}
