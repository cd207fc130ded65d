package io.dltrigger.engine.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a stage module is started, read from {@code MODULE/target/launch.env} (written by the parent
 * pom at package time, as for bin/dltrigger): its JVM flags, main class and classpath.
 */
public record ModuleLaunch(String module, List<String> jvmFlags, String mainClass, String classpath, Path jar) {

    public static ModuleLaunch of(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        Path env = target.resolve("launch.env");
        if (!Files.isRegularFile(env)) {
            throw new IllegalStateException(
                    "module '" + module + "' is not built: " + env + " is missing (run bin/dltrigger build)");
        }
        Map<String, String> vars = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    vars.put(
                            line.substring(0, eq).trim(),
                            line.substring(eq + 1).trim().replaceAll("^\"|\"$", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + env + ": " + e.getMessage(), e);
        }
        String jar = vars.get("MODULE_JAR");
        if (jar == null || vars.get("MAIN_CLASS") == null) {
            throw new IllegalStateException(env + " lacks MODULE_JAR or MAIN_CLASS");
        }
        List<String> flags =
                new ArrayList<>(Arrays.stream(vars.getOrDefault("JVM_FLAGS", "").split("\\s+"))
                        .filter(s -> !s.isBlank())
                        .toList());
        Path jarPath = target.resolve(jar);
        return new ModuleLaunch(
                module, flags, vars.get("MAIN_CLASS"), jarPath + ":" + target.resolve("lib") + "/*", jarPath);
    }

    /**
     * The start of a child JVM's command line for this module: java, the module's JVM flags, {@code extraOpts},
     * the project home as a system property, and the classpath (the main class and arguments follow).
     */
    public List<String> javaCommand(Path home, List<String> extraOpts) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmFlags);
        argv.addAll(extraOpts);
        argv.add("-Ddltrigger.home=" + home);
        argv.add("-cp");
        argv.add(classpath);
        return argv;
    }

    /** The module's dependency jars, for spark-submit's {@code --jars}. */
    public List<Path> libJars() {
        Path lib = jar.resolveSibling("lib");
        try (var s = Files.list(lib)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
