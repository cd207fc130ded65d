package io.dltrigger.engine.cli;

import io.dltrigger.engine.service.EngineRuntime;
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
    Connection conn;

    @Option(names = "--dag", description = "only this DAG")
    String dagId;

    @Option(names = "--limit", defaultValue = "20", description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (EngineRuntime rt = conn.open(false)) {
            Tables.print(
                    spec.commandLine().getOut(),
                    Tables.RUN_HEADER,
                    rt.service().runs(dagId, limit).stream().map(Tables::run).toList());
            return 0;
        }
    }
}
