package io.dltrigger.engine.cli;

import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.service.EngineRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trigger DAG --param k=v}: queues a manual run for the running engine. */
@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = "Queue a manual run (a running engine picks it up).")
public final class TriggerCommand implements Callable<Integer> {
    @Mixin
    Connection conn;

    @Parameters(paramLabel = "DAG")
    String dagId;

    @Option(
            names = {"-p", "--param"},
            description = "parameter override k=v (value parsed as JSON when it can be)")
    Map<String, String> params = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EngineRuntime rt = conn.open(false)) {
            DagRun r = rt.service().trigger(dagId, params);
            spec.commandLine().getOut().println("queued run " + r.id() + " (" + r.runKey() + ") of " + dagId);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
