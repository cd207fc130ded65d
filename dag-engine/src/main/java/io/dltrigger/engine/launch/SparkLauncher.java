package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code spark}: client mode runs the driver in a child JVM with {@code spark.*} as system properties (what
 * spark-submit sets up); cluster mode calls {@code $SPARK_HOME/bin/spark-submit --deploy-mode cluster}.
 */
public final class SparkLauncher extends ProcessLauncher<TaskAction.Spark> {
    public SparkLauncher(ProcessRunner processes) {
        super(processes);
    }

    @Override
    public Class<TaskAction.Spark> type() {
        return TaskAction.Spark.class;
    }

    @Override
    protected ProcessSpec command(TaskAction.Spark s, JsonNode vars, Path home) {
        ModuleLaunch m = ModuleLaunch.of(home, s.module());
        String main = s.mainClass() == null ? m.mainClass() : s.mainClass();
        Map<String, String> conf = render(s.conf(), vars);
        String master = Template.render(s.master(), vars);
        if (s.deployMode().equals("cluster")) {
            List<String> argv = new ArrayList<>(List.of(
                    tool("SPARK_HOME", "spark-submit"),
                    "--master",
                    master,
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
            argv.addAll(render(s.args(), vars));
            return new ProcessSpec(argv, render(s.env(), vars));
        }
        List<String> opts = new ArrayList<>();
        if (s.driverMemory() != null) {
            opts.add("-Xmx" + s.driverMemory());
        }
        opts.add("-Dspark.master=" + master);
        opts.add("-Dspark.submit.deployMode=client");
        executorDefaults(m).forEach((k, v) -> {
            if (!conf.containsKey(k)) {
                opts.add("-D" + k + "=" + v);
            }
        });
        conf.forEach((k, v) -> opts.add("-D" + k + "=" + v));
        List<String> argv = m.javaCommand(home, opts);
        argv.add(main);
        argv.addAll(render(s.args(), vars));
        return new ProcessSpec(argv, localIp(master, render(s.env(), vars), System.getenv()));
    }

    /**
     * What a standalone worker's executors need to run the stage (as bin/dltrigger gives them): the driver's class
     * path (a worker only has Spark's own jars; on this machine, or in the image, the paths are the same) and its
     * JVM flags (Java 17's --add-opens for Spark and ND4J). The task's {@code conf} overrides either.
     */
    static Map<String, String> executorDefaults(ModuleLaunch m) {
        return Map.of(
                "spark.executor.extraClassPath", m.classpath(),
                "spark.executor.extraJavaOptions", String.join(" ", m.jvmFlags()));
    }

    /**
     * A local master's driver names its executor by the machine's external address unless {@code SPARK_LOCAL_IP} is
     * set: loopback, unless the task's environment or the engine's sets it.
     */
    static Map<String, String> localIp(String master, Map<String, String> env, Map<String, String> engineEnv) {
        if (!master.startsWith("local")
                || env.containsKey("SPARK_LOCAL_IP")
                || engineEnv.containsKey("SPARK_LOCAL_IP")) {
            return env;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>(env);
        out.put("SPARK_LOCAL_IP", "127.0.0.1");
        return out;
    }
}
