package io.dltrigger.engine.cli;

import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.service.EngineRuntime;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backfill DAG --from --to}: queues one run per schedule interval in a date range. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description =
                "Queue runs for every schedule interval from --from to --to (days, inclusive); serial unless --parallel.")
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    Connection conn;

    @Parameters(paramLabel = "DAG")
    String dagId;

    @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, description = "last day, YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--parallel", defaultValue = "1", description = "runs at once (default: ${DEFAULT-VALUE}, serial)")
    int parallel;

    @Option(
            names = {"-p", "--param"},
            description = "parameter override k=v")
    Map<String, String> params = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EngineRuntime rt = conn.open(false)) {
            List<DagRun> runs = rt.service().backfill(dagId, from, to, parallel, params);
            spec.commandLine().getOut().println("queued " + runs.size() + " backfill runs of " + dagId);
            Tables.print(
                    spec.commandLine().getOut(),
                    Tables.RUN_HEADER,
                    runs.stream().map(Tables::run).toList());
            return 0;
        }
    }
}
