package io.dltrigger.training.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.training.tune.FitResult;
import io.dltrigger.training.tune.GridSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "tune-best",
        mixinStandardHelpOptions = true,
        description = {
            "Gather the results of the mapped tune tasks (the outputs of --from in the task's context file,",
            "$DLTRIGGER_CONTEXT) and write results.json, results.csv and best.json of the whole grid to --output."
        })
final class TuneBestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--output", required = true, description = "results directory (replaced as a whole)")
    Path output;

    @Option(names = "--from", defaultValue = "tune", description = "the mapped task whose outputs hold the results")
    String from;

    @Override
    public Integer call() throws Exception {
        JsonNode context = TaskIo.fromEnvironment()
                .context()
                .orElseThrow(() -> new IllegalStateException(
                        "no task context: tune-best runs under the DAG engine ($DLTRIGGER_CONTEXT)"));
        JsonNode outputs = context.path("outputs").path(from);
        if (!outputs.isArray()) {
            throw new IllegalStateException("the context has no outputs of the mapped task '" + from + "'");
        }
        List<FitResult> fits = new ArrayList<>();
        for (JsonNode out : outputs) {
            for (JsonNode r : out.path("results")) {
                fits.add(JSON.treeToValue(r, FitResult.class));
            }
        }
        List<FitResult> results = GridSearch.sorted(fits);
        FitResult best = GridSearch.best(results)
                .orElseThrow(() -> new IllegalStateException("every grid point failed; see the tune tasks' logs"));
        GridSearch.writeWithoutSpark(results, output);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("best", best.point().hyperParams());
        o.put("best_auc", best.aucMean());
        o.put("best_json", output.toAbsolutePath().resolve("best.json").toString());
        o.put("points", results.size());
        o.put("failed", results.stream().filter(r -> !r.ok()).count());
        o.put("grid", GridSearch.table(results));
        TaskIo.fromEnvironment().output(o);
        System.out.printf("best of %d: %s, validation ttbar AUC %.4f%n", results.size(), best.point(), best.aucMean());
        return 0;
    }
}
