package io.dltrigger.engine.cli;

import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assets [NAME]}: the assets, their last update and what their triggers did. */
@Command(
        name = "assets",
        mixinStandardHelpOptions = true,
        description = "Assets: who updates them, their last update and what it triggered; with NAME, its events"
                + " and trigger evaluations.")
public final class AssetsCommand implements Callable<Integer> {
    @Mixin
    Connection conn;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "events and evaluations shown (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EngineRuntime rt = conn.open(false)) {
            if (name == null) {
                Tables.print(
                        out,
                        List.of("ASSET", "UPDATED BY", "EVENTS", "LAST UPDATE", "TRIGGERS"),
                        rt.service().assets().stream().map(AssetsCommand::row).toList());
                return 0;
            }
            EngineService.AssetDetail d = rt.service().asset(name, limit);
            out.println("asset " + name + ": " + d.asset().events() + " events, updated by "
                    + String.join(", ", d.asset().producers()));
            Tables.print(
                    out,
                    List.of("EVENT", "AT", "KIND", "BY", "METADATA"),
                    d.events().stream()
                            .map(e -> List.of(
                                    String.valueOf(e.id()), e.createdAt().toString(), e.kind(), by(e), e.metadata()))
                            .toList());
            Tables.print(
                    out,
                    List.of("EVALUATED", "DAG", "EVENT", "RESULT", "REASON"),
                    d.evaluations().stream().map(AssetsCommand::evaluation).toList());
            return 0;
        }
    }

    private static List<String> row(EngineService.AssetView a) {
        return List.of(
                a.name(),
                a.producers().isEmpty() ? "-" : String.join(", ", a.producers()),
                String.valueOf(a.events()),
                a.latest().map(e -> e.createdAt() + " " + by(e)).orElse("never"),
                a.triggers().isEmpty()
                        ? "-"
                        : String.join(
                                "; ",
                                a.triggers().stream()
                                        .map(t -> t.dagId() + ": "
                                                + t.lastEvaluation()
                                                        .map(AssetsCommand::result)
                                                        .orElse("not evaluated yet"))
                                        .toList()));
    }

    private static List<String> evaluation(TriggerEvaluation e) {
        return List.of(
                e.evaluatedAt().toString(),
                e.dagId(),
                String.valueOf(e.eventId()),
                result(e),
                e.reason() == null ? "" : e.reason());
    }

    private static String result(TriggerEvaluation e) {
        return e.fired() ? "run " + e.runId() : "no run";
    }

    private static String by(AssetEvent e) {
        return e.kind() + " of " + e.dagId() + "." + e.taskId();
    }
}
