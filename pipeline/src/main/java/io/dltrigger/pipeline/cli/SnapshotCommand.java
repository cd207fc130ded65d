package io.dltrigger.pipeline.cli;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.pipeline.trigger.NewEvents;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snapshot}: the retrain DAG's first task. */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = {
            "Count the event table's events, in all and per sample, from its part files' Parquet footers, and how",
            "many are new since the published models were trained. Fails on an empty table (nothing to train on)."
        })
final class SnapshotCommand implements Callable<Integer> {
    @Option(names = "--table", required = true, description = "the event table's root folder")
    Path table;

    @Option(names = "--registry", required = true, description = "the model registry (current-KIND.json)")
    Path registry;

    @Override
    public Integer call() {
        NewEvents n = NewEvents.of(table, registry);
        if (n.table().total() == 0) {
            throw new IllegalStateException("the event table " + table + " is empty: "
                    + (n.table().files() == 0 ? "no committed part files" : "its part files hold no rows")
                    + "; ingest run data first (the ingest or ingest-backfill DAG)");
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("table", table.toAbsolutePath().toString());
        o.put("total", n.table().total());
        o.put("per_sample", n.table().perSample());
        o.put("files", n.table().files());
        o.put("new", n.count());
        o.put("new_per_sample", n.perSample());
        o.put("baseline", n.baseline());
        o.put("baseline_model", n.baselineModel());
        TaskIo.fromEnvironment().output(o);
        System.out.println(n.table().describe() + "; " + n.describe());
        return 0;
    }
}
