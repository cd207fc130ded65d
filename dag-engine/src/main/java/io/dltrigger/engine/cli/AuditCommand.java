package io.dltrigger.engine.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit}: who did what, when. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log, newest first.")
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    Remote remote;

    @Option(names = "--limit", defaultValue = "50", description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Tables.print(
                spec.commandLine().getOut(),
                List.of("AT", "WHO", "ACTION", "TARGET", "OUTCOME", "DETAIL"),
                Tables.rows(
                        remote.client().get("/api/audit?limit=" + limit),
                        e -> List.of(
                                e.path("at").asText(),
                                e.path("actor").asText(),
                                e.path("action").asText(),
                                e.path("target").asText(""),
                                e.path("outcome").asText(),
                                e.path("detail").isNull()
                                        ? ""
                                        : e.path("detail").asText())));
        return 0;
    }
}
