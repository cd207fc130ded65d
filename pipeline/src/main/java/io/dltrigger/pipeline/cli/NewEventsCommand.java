package io.dltrigger.pipeline.cli;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.pipeline.trigger.NewEvents;
import io.dltrigger.pipeline.trigger.RetrainDecision;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code new-events}: the check of the retrain DAG's trigger on the event table. */
@Command(
        name = "new-events",
        mixinStandardHelpOptions = true,
        description = {
            "Say whether the event table grew by at least --min events since the published models were trained",
            "(and since the retrain this trigger last started, its cursor $DLTRIGGER_TRIGGER_CURSOR): the output",
            "{\"fire\": ..., \"reason\": ..., \"cursor\": ...} of a DAG trigger's check. Reads Parquet footers only."
        })
final class NewEventsCommand implements Callable<Integer> {
    @Option(names = "--table", required = true, description = "the event table's root folder")
    Path table;

    @Option(names = "--registry", required = true, description = "the model registry (current-KIND.json)")
    Path registry;

    @Option(names = "--min", required = true, description = "new events needed for a retrain")
    long min;

    @Override
    public Integer call() {
        String cursor = System.getenv("DLTRIGGER_TRIGGER_CURSOR");
        Long lastFired = cursor == null || cursor.isBlank() ? null : Long.valueOf(cursor.trim());
        RetrainDecision d = RetrainDecision.decide(NewEvents.of(table, registry), min, lastFired);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("fire", d.fire());
        o.put("reason", d.reason());
        o.put("cursor", d.cursor() == null ? null : String.valueOf(d.cursor()));
        TaskIo.fromEnvironment().output(o);
        System.out.println((d.fire() ? "retrain: " : "no retrain: ") + d.reason());
        return 0;
    }
}
