package io.dltrigger.engine.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a stage module is started, read from {@code MODULE/target/launch.env} (written by the parent
 * pom at package time, as for bin/dltrigger): its JVM flags, main class and classpath.
 */
public record ModuleLaunch(String module, List<String> jvmFlags, String mainClass, Path jar, List<Path> libJars) {

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
        return new ModuleLaunch(module, flags, vars.get("MAIN_CLASS"), target.resolve(jar), libJars(target));
    }

    /**
     * The module's dependency jars: those its {@code target/classpath} lists (the container image's: each stage's
     * jars in one shared folder, see deploy/), else those in {@code target/lib/} (a build).
     */
    private static List<Path> libJars(Path target) {
        Path listed = target.resolve("classpath");
        try {
            if (Files.isRegularFile(listed)) {
                return Files.readAllLines(listed).stream()
                        .filter(l -> !l.isBlank())
                        .map(Path::of)
                        .toList();
            }
            Path lib = target.resolve("lib");
            if (!Files.isDirectory(lib)) {
                return List.of();
            }
            try (var s = Files.list(lib)) {
                return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the libraries of " + target + ": " + e.getMessage(), e);
        }
    }

    /** The module's jar and its libraries, as a class path. */
    public String classpath() {
        return Stream.concat(Stream.of(jar), libJars.stream())
                .map(Path::toString)
                .collect(Collectors.joining(":"));
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
        argv.add(classpath());
        return argv;
    }
}
