package io.dltrigger.training.cli;

import io.dltrigger.contract.KeepThreshold;
import io.dltrigger.contract.config.ConfigException;
import java.util.List;
import picocli.CommandLine.Option;

/** The goal of the keep threshold chosen when a model is published (the stream filter keeps events by it). */
final class KeepOptions {
    @Option(
            names = "--keep",
            split = ",",
            paramLabel = "CLASS",
            description = "classes the trigger keeps, by the sum of their probabilities (default: ttbar,wjets)")
    List<String> keep;

    @Option(
            names = "--signal-efficiency",
            paramLabel = "F",
            description = "threshold keeping at least this fraction of the kept classes' test events (default 0.99)")
    Double signalEfficiency;

    @Option(
            names = "--background-acceptance",
            paramLabel = "F",
            description = "threshold keeping at most this fraction of the other classes' test events (QCD's by"
                    + " default), instead of a signal efficiency")
    Double backgroundAcceptance;

    KeepThreshold.Goal goal() {
        if (signalEfficiency != null && backgroundAcceptance != null) {
            throw new ConfigException("--signal-efficiency and --background-acceptance: give one target, not both");
        }
        KeepThreshold.Goal d = KeepThreshold.Goal.DEFAULT;
        try {
            return new KeepThreshold.Goal(
                    keep == null ? d.keepClasses() : keep,
                    backgroundAcceptance != null ? KeepThreshold.Target.BACKGROUND_ACCEPTANCE : d.target(),
                    backgroundAcceptance != null
                            ? backgroundAcceptance
                            : signalEfficiency != null ? signalEfficiency : d.value());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--keep / --signal-efficiency / --background-acceptance: " + e.getMessage(), e);
        }
    }
}
