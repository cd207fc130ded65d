package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.Durations;
import io.dltrigger.engine.service.EngineService;
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

/** {@code trigger DAG --param k=v}: asks the running engine for a manual run. */
@Command(name = "trigger", mixinStandardHelpOptions = true, description = "Queue a manual run on the running engine.")
public final class TriggerCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    Remote remote;

    @Parameters(paramLabel = "DAG")
    String dagId;

    @Option(
            names = {"-p", "--param"},
            description = "parameter value k=v (parsed as JSON when it can be), checked against the parameter's type")
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
        EngineClient client = remote.client();
        JsonNode r = client.post("/api/dags/" + EngineClient.q(dagId) + "/trigger", body(params));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "queued run " + r.path("id").asText() + " (" + r.path("run_id").asText() + ") of " + dagId);
        out.flush();
        if (!follow) {
            return 0;
        }
        RunProgress.Run done = new RunProgress(RunProgress.feed(client), out, System.console() != null)
                .follow(r.path("id").asLong(), Durations.parse(timeout));
        out.println("run " + r.path("id").asText() + ": " + done.state() + " in "
                + Tables.took(done.startedAt(), done.endedAt()));
        out.flush();
        return done.state().equals("success") ? 0 : 1;
    }

    /** {@code {"params": {...}}} from {@code -p k=v} values: JSON when they parse as JSON, else text. */
    static ObjectNode body(Map<String, String> params) {
        ObjectNode b = JSON.createObjectNode();
        ObjectNode p = b.putObject("params");
        EngineService.jsonValues(params).forEach(p::set);
        return b;
    }
}
