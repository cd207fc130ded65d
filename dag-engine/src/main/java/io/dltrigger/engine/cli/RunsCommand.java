package io.dltrigger.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code runs}: recent DAG runs. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Recent DAG runs, newest first.")
public final class RunsCommand implements Callable<Integer> {
    @Mixin
    Remote remote;

    @Option(names = "--dag", description = "only this DAG")
    String dagId;

    @Option(names = "--limit", defaultValue = "20", description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String q = "/api/runs?limit=" + limit + (dagId == null ? "" : "&dag=" + EngineClient.q(dagId));
        Tables.print(
                spec.commandLine().getOut(),
                Tables.RUN_HEADER,
                Tables.rows(remote.client().get(q), Tables::run));
        return 0;
    }
}
