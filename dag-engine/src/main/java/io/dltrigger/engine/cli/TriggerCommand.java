package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.service.EngineService;
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JsonNode r = remote.client().post("/api/dags/" + EngineClient.q(dagId) + "/trigger", body(params));
        spec.commandLine()
                .getOut()
                .println("queued run " + r.path("id").asText() + " ("
                        + r.path("run_id").asText() + ") of " + dagId);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code {"params": {...}}} from {@code -p k=v} values: JSON when they parse as JSON, else text. */
    static ObjectNode body(Map<String, String> params) {
        ObjectNode b = JSON.createObjectNode();
        ObjectNode p = b.putObject("params");
        EngineService.jsonValues(params).forEach(p::set);
        return b;
    }
}
