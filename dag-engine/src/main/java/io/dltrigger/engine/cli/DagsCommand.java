package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.dagfile.DagFileException;
import io.dltrigger.engine.dagfile.DagFileParser;
import io.dltrigger.engine.dagfile.DagFolder;
import io.dltrigger.engine.model.Dag;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dags list|show|validate|pause|unpause}. */
@Command(
        name = "dags",
        mixinStandardHelpOptions = true,
        description = "List, show, validate, pause and unpause DAGs.",
        subcommands = {
            DagsCommand.ListDags.class,
            DagsCommand.Show.class,
            DagsCommand.Validate.class,
            DagsCommand.Pause.class,
            DagsCommand.Unpause.class
        })
public final class DagsCommand {

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The DAGs the engine runs, and the files it refused (exit 1 if any).")
    static final class ListDags implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            EngineClient client = remote.client();
            PrintWriter out = spec.commandLine().getOut();
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode d : client.get("/api/dags")) {
                rows.add(List.of(
                        d.path("id").asText(),
                        d.path("schedule").isNull() ? "-" : d.path("schedule").asText(),
                        d.path("paused").asBoolean() ? "paused" : "active",
                        d.path("version").asText(),
                        String.valueOf(d.path("tasks").asInt()),
                        d.path("error").isNull() || d.path("error").isMissingNode()
                                ? d.path("description").asText()
                                : "LAST GOOD VERSION: its file is refused, see below"));
            }
            Tables.print(out, List.of("DAG", "SCHEDULE", "STATE", "VERSION", "TASKS", "DESCRIPTION"), rows);
            JsonNode errors = client.get("/api/dag-errors");
            for (JsonNode e : errors) {
                out.println("refused: " + e.path("file").asText() + ":"
                        + e.path("line").asInt() + ": " + e.path("cause").asText());
            }
            out.flush();
            return errors.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A DAG's tasks and dependencies.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode d = remote.client().get("/api/dags/" + EngineClient.q(dagId));
            PrintWriter out = spec.commandLine().getOut();
            out.println(d.path("id").asText() + ": " + d.path("description").asText());
            out.println("schedule: "
                    + (d.path("schedule").isNull() ? "none" : d.path("schedule").asText()) + ", params: "
                    + d.path("params"));
            for (JsonNode p : d.path("param_specs")) {
                out.println("  param " + p.path("name").asText() + ": "
                        + p.path("type").asText() + ", default "
                        + p.path("default")
                        + (p.path("description").asText().isEmpty()
                                ? ""
                                : " (" + p.path("description").asText() + ")"));
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode t : d.path("tasks")) {
                List<String> deps = new ArrayList<>();
                t.path("depends_on").forEach(x -> deps.add(x.asText()));
                rows.add(List.of(
                        t.path("id").asText(),
                        t.path("type").asText(),
                        String.join(",", deps),
                        t.path("trigger_rule").asText(),
                        t.path("retries").asText(),
                        t.path("pool").asText(),
                        t.path("mapped").asBoolean() ? "yes" : "no"));
            }
            Tables.print(out, List.of("TASK", "TYPE", "DEPENDS ON", "TRIGGER RULE", "RETRIES", "POOL", "MAPPED"), rows);
            return 0;
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description =
                    "Check DAG files (default: every file of the DAG folder) without an engine; exits 1 if any is refused.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<Path> files = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            List<Path> todo = new ArrayList<>(files);
            if (todo.isEmpty()) {
                todo.addAll(DagFolder.files(conn.config().dagsDir()));
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int bad = 0;
            for (Path f : todo) {
                try {
                    Dag d = DagFileParser.parse(f.toString(), Files.readString(f));
                    out.println(
                            "ok: " + f + " (DAG " + d.id() + ", " + d.tasks().size() + " tasks)");
                } catch (DagFileException e) {
                    err.println("refused: " + e.getMessage());
                    bad++;
                }
            }
            out.flush();
            err.flush();
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop scheduling new runs of a DAG.")
    static final class Pause implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            remote.client().post("/api/dags/" + EngineClient.q(dagId) + "/pause", null);
            return 0;
        }
    }

    @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Resume scheduling a DAG.")
    static final class Unpause implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            remote.client().post("/api/dags/" + EngineClient.q(dagId) + "/unpause", null);
            return 0;
        }
    }
}
