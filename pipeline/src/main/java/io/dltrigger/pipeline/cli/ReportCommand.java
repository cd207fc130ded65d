package io.dltrigger.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.pipeline.report.ReportWriter;
import io.dltrigger.pipeline.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: the retrain DAG's last task. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the run's report.json, report.html (self-contained) and report.txt into --run-dir, from the",
            "outputs and states of the run's tasks (the task's context file, $DLTRIGGER_CONTEXT) and the features",
            "summary. A run that built no features has nothing to report: nothing is written."
        })
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--run-dir", required = true, description = "the run's folder")
    Path runDir;

    @Option(names = "--features", required = true, description = "the run's features table")
    Path features;

    @Override
    public Integer call() throws Exception {
        TaskIo io = TaskIo.fromEnvironment();
        JsonNode context = io.context()
                .orElseThrow(() -> new IllegalStateException(
                        "no task context: report runs as a task of the retrain DAG ($DLTRIGGER_CONTEXT)"));
        Map<String, Object> o = new LinkedHashMap<>();
        if (!Files.isRegularFile(features.resolve(FeaturesTableContract.SUMMARY_FILE))) {
            String why = "the run built no features (" + features + "): nothing to report";
            o.put("written", false);
            o.put("reason", why);
            io.output(o);
            System.out.println(why);
            return 0;
        }
        RunReport report = RunReport.of(context, features);
        Map<String, String> artifacts = ReportWriter.write(report, runDir);
        o.put("written", true);
        o.put("state", report.json().at("/dag_run/state").asText());
        o.put("artifacts", artifacts);
        o.put("summary", report.summaryText());
        io.output(o);
        System.out.print(report.summaryText());
        System.out.println("report: " + artifacts.get("report.html"));
        return 0;
    }
}
