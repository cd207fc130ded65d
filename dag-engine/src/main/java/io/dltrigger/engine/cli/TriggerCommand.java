package io.dltrigger.engine.cli;

import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Durations;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.service.EngineRuntime;
import java.io.PrintWriter;
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

    @Option(
            names = "--follow",
            description = "wait for the run to end, printing task states and progress; exit 1 if it fails")
    boolean follow;

    @Option(
            names = "--timeout",
            defaultValue = "24h",
            description = "with --follow: give up waiting after this long (default: ${DEFAULT-VALUE})")
    String timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try (EngineRuntime rt = conn.open(false)) {
            DagRun r = rt.service().trigger(dagId, params);
            PrintWriter out = spec.commandLine().getOut();
            out.println("queued run " + r.id() + " (" + r.runKey() + ") of " + dagId);
            out.flush();
            if (!follow) {
                return 0;
            }
            DagRun done = new EngineCommand.Progress(rt.service(), out, System.console() != null)
                    .follow(r.id(), Durations.parse(timeout));
            out.println("run " + r.id() + ": " + done.state().name().toLowerCase() + " in "
                    + Tables.took(done.startedAt(), done.endedAt()));
            out.flush();
            return done.state() == RunState.SUCCESS ? 0 : 1;
        }
    }
}
