package io.dltrigger.engine.cli;

import io.dltrigger.engine.dagfile.DagFileException;
import io.dltrigger.engine.dagfile.DagFileParser;
import io.dltrigger.engine.dagfile.DagFolder;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
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

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The DAGs loaded, and the files refused.")
    static final class ListDags implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (EngineRuntime rt = conn.open(false)) {
                PrintWriter out = spec.commandLine().getOut();
                List<List<String>> rows = new ArrayList<>();
                for (EngineService.DagView d : rt.service().dags()) {
                    rows.add(List.of(
                            d.id(),
                            d.schedule() == null ? "-" : d.schedule(),
                            d.paused() ? "paused" : "active",
                            String.valueOf(d.version()),
                            String.valueOf(d.tasks()),
                            d.description()));
                }
                Tables.print(out, List.of("DAG", "SCHEDULE", "STATE", "VERSION", "TASKS", "DESCRIPTION"), rows);
                for (DagFileException e : rt.service().dagErrors()) {
                    out.println("refused: " + e.getMessage());
                }
                out.flush();
                return rt.service().dagErrors().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A DAG's tasks and dependencies.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (EngineRuntime rt = conn.open(false)) {
                Dag d = rt.service().dag(dagId);
                PrintWriter out = spec.commandLine().getOut();
                out.println(d.id() + ": " + d.description());
                out.println("schedule: " + (d.schedule() == null ? "none" : d.schedule()) + ", catchup: " + d.catchup()
                        + ", max_active_runs: " + d.maxActiveRuns() + ", params: " + d.paramDefaults());
                List<List<String>> rows = new ArrayList<>();
                for (TaskSpec t : d.tasks()) {
                    rows.add(List.of(
                            t.id(),
                            t.action().typeName(),
                            String.join(",", t.dependsOn()),
                            t.triggerRule().fileName(),
                            String.valueOf(t.retry().retries()),
                            t.pool(),
                            t.mapped() ? "yes" : "no"));
                }
                Tables.print(
                        out, List.of("TASK", "TYPE", "DEPENDS ON", "TRIGGER RULE", "RETRIES", "POOL", "MAPPED"), rows);
                return 0;
            }
        }
    }

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description =
                    "Check DAG files (default: every file of the DAG folder) without a database; exits 1 if any is refused.")
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
        Connection conn;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            try (EngineRuntime rt = conn.open(false)) {
                rt.service().pause(dagId, true);
                return 0;
            }
        }
    }

    @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Resume scheduling a DAG.")
    static final class Unpause implements Callable<Integer> {
        @Mixin
        Connection conn;

        @Parameters(paramLabel = "DAG")
        String dagId;

        @Override
        public Integer call() {
            try (EngineRuntime rt = conn.open(false)) {
                rt.service().pause(dagId, false);
                return 0;
            }
        }
    }
}
