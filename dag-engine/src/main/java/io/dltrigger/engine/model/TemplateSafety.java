package io.dltrigger.engine.model;

import io.dltrigger.engine.template.Template;
import io.dltrigger.engine.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a template may put a value. Trigger parameters, upstream outputs and mapped items come from outside
 * the DAG file (a user, a task), so they never become shell text or JVM options: a shell command takes no
 * template at all (values reach it through the environment, which a shell does not execute), and JVM options
 * (which can name programs to run, e.g. {@code -XX:OnError}) take none of those three. Arguments of child
 * processes are separate argv entries: templates there are safe, and typed parameters bound what they hold.
 */
public final class TemplateSafety {
    /** Template roots whose values come from outside the DAG file. */
    private static final Set<String> OUTSIDE = Set.of("params", "outputs", "item");

    private TemplateSafety() {}

    /** A template where none may be: the DAG-file key it is under, and why it is refused. */
    public record Refusal(String key, String message) {}

    /** The first unsafe template of a task, if any. */
    public static Optional<Refusal> check(String taskId, TaskAction action) {
        if (action instanceof TaskAction.Shell s) {
            return command(taskId, s.command());
        }
        if (action instanceof TaskAction.Branch b) {
            return command(taskId, b.command());
        }
        if (action instanceof TaskAction.Java j) {
            return jvmOptions(taskId, "jvm_opts", j.jvmOpts());
        }
        if (action instanceof TaskAction.Spark s) {
            for (Map.Entry<String, String> e : s.conf().entrySet()) {
                if (e.getKey().endsWith("extraJavaOptions")) {
                    Optional<Refusal> r = jvmOptions(taskId, "conf", List.of(e.getValue()));
                    if (r.isPresent()) {
                        return r;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> command(String taskId, String command) {
        List<List<String>> refs = references(command);
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        String ref = String.join(".", refs.get(0));
        String name = envName(refs.get(0));
        return Optional.of(new Refusal(
                "command",
                "task " + taskId + ": command splices {{ " + ref + " }} into shell text, where a value could run as"
                        + " a command; pass it through the environment instead: env: {" + name + ": \"{{ " + ref
                        + " }}\"} and \"$" + name + "\" in the command"
                        + (refs.get(0).get(0).equals("params") && refs.get(0).size() == 2
                                ? " (every parameter is also in $DLTRIGGER_PARAM_"
                                        + refs.get(0).get(1) + ")"
                                : "")));
    }

    private static Optional<Refusal> jvmOptions(String taskId, String key, List<String> options) {
        for (String option : options) {
            for (List<String> ref : references(option)) {
                if (OUTSIDE.contains(ref.get(0))) {
                    return Optional.of(new Refusal(
                            key,
                            "task " + taskId + ": {{ " + String.join(".", ref) + " }} in JVM options could make the"
                                    + " JVM run a program (-XX:OnError...); pass the value as an argument (args) or"
                                    + " through env instead"));
                }
            }
        }
        return Optional.empty();
    }

    private static List<List<String>> references(String text) {
        try {
            return Template.references(text);
        } catch (TemplateException e) {
            return List.of(); // malformed templates are reported by the reference check
        }
    }

    /** {@code params.samples} -> {@code SAMPLES}, {@code outputs.plan.grid} -> {@code PLAN_GRID}. */
    private static String envName(List<String> ref) {
        List<String> parts = ref.size() > 1 ? ref.subList(1, ref.size()) : ref;
        return String.join("_", parts).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
