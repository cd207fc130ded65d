package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backfill DAG --from --to}: asks the running engine for one run per schedule interval in a date range. */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description =
                "Queue runs for every schedule interval from --from to --to (days, inclusive); serial unless --parallel.")
public final class BackfillCommand implements Callable<Integer> {
    @Mixin
    Remote remote;

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
            description = "parameter value k=v")
    Map<String, String> params = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode body = TriggerCommand.body(params);
        body.put("from", from.toString()).put("to", to.toString()).put("parallel", parallel);
        JsonNode runs = remote.client().post("/api/dags/" + EngineClient.q(dagId) + "/backfill", body);
        spec.commandLine().getOut().println("queued " + runs.size() + " backfill runs of " + dagId);
        Tables.print(spec.commandLine().getOut(), Tables.RUN_HEADER, Tables.rows(runs, Tables::run));
        return 0;
    }
}
