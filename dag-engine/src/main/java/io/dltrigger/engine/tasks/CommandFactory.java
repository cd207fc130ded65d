package io.dltrigger.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a process task's templates and turns it into the command line to start. */
public final class CommandFactory {
    private final Path home;
    private final String java;

    public CommandFactory(Path home) {
        this.home = home;
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public ProcessSpec build(TaskAction action, JsonNode ctx) {
        if (action instanceof TaskAction.Shell s) {
            return new ProcessSpec(List.of("bash", "-c", Template.render(s.command(), ctx)), render(s.env(), ctx));
        }
        if (action instanceof TaskAction.Java j) {
            ModuleLaunch m = ModuleLaunch.of(home, j.module());
            List<String> argv = jvm(m, render(j.jvmOpts(), ctx));
            argv.add(j.mainClass() == null ? m.mainClass() : j.mainClass());
            argv.addAll(render(j.args(), ctx));
            return new ProcessSpec(argv, render(j.env(), ctx));
        }
        if (action instanceof TaskAction.Spark s) {
            return spark(s, ctx);
        }
        if (action instanceof TaskAction.Flink f) {
            return flink(f, ctx);
        }
        throw new IllegalArgumentException(action.typeName() + " tasks are not processes");
    }

    /** Client mode: the driver in a child JVM, spark.* as system properties (what spark-submit sets up). */
    private ProcessSpec spark(TaskAction.Spark s, JsonNode ctx) {
        ModuleLaunch m = ModuleLaunch.of(home, s.module());
        String main = s.mainClass() == null ? m.mainClass() : s.mainClass();
        Map<String, String> conf = render(s.conf(), ctx);
        if (s.deployMode().equals("cluster")) {
            List<String> argv = new ArrayList<>(List.of(
                    toolOf("SPARK_HOME", "spark-submit"),
                    "--master",
                    s.master(),
                    "--deploy-mode",
                    "cluster",
                    "--class",
                    main));
            conf.forEach((k, v) -> argv.addAll(List.of("--conf", k + "=" + v)));
            if (s.driverMemory() != null) {
                argv.addAll(List.of("--driver-memory", s.driverMemory()));
            }
            argv.addAll(
                    List.of("--jars", m.libJars().stream().map(Path::toString).collect(Collectors.joining(","))));
            argv.add(m.jar().toString());
            argv.addAll(render(s.args(), ctx));
            return new ProcessSpec(argv, render(s.env(), ctx));
        }
        List<String> opts = new ArrayList<>();
        if (s.driverMemory() != null) {
            opts.add("-Xmx" + s.driverMemory());
        }
        opts.add("-Dspark.master=" + s.master());
        opts.add("-Dspark.submit.deployMode=client");
        conf.forEach((k, v) -> opts.add("-D" + k + "=" + v));
        List<String> argv = jvm(m, opts);
        argv.add(main);
        argv.addAll(render(s.args(), ctx));
        return new ProcessSpec(argv, render(s.env(), ctx));
    }

    private ProcessSpec flink(TaskAction.Flink f, JsonNode ctx) {
        ModuleLaunch m = ModuleLaunch.of(home, f.module());
        String main = f.mainClass() == null ? m.mainClass() : f.mainClass();
        if (f.target().equals("local")) {
            List<String> argv = jvm(m, List.of());
            argv.add(main);
            argv.addAll(render(f.args(), ctx));
            return new ProcessSpec(argv, render(f.env(), ctx));
        }
        List<String> argv =
                new ArrayList<>(List.of(toolOf("FLINK_HOME", "flink"), "run", "-m", f.target(), "-c", main));
        if (f.parallelism() > 0) {
            argv.addAll(List.of("-p", String.valueOf(f.parallelism())));
        }
        argv.add(m.jar().toString());
        argv.addAll(render(f.args(), ctx));
        return new ProcessSpec(argv, render(f.env(), ctx));
    }

    private List<String> jvm(ModuleLaunch m, List<String> extra) {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(m.jvmFlags());
        argv.addAll(extra);
        argv.add("-Ddltrigger.home=" + home);
        argv.add("-cp");
        argv.add(m.classpath());
        return argv;
    }

    private static String toolOf(String envVar, String tool) {
        String dir = System.getenv(envVar);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(tool + " needs " + envVar + " to be set");
        }
        return Path.of(dir, "bin", tool).toString();
    }

    private static List<String> render(List<String> texts, JsonNode ctx) {
        return texts.stream().map(t -> Template.render(t, ctx)).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Map<String, String> render(Map<String, String> env, JsonNode ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, Template.render(v, ctx)));
        return out;
    }
}
