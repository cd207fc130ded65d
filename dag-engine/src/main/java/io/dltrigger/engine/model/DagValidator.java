package io.dltrigger.engine.model;

import io.dltrigger.engine.template.Template;
import io.dltrigger.engine.template.TemplateException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a DAG as a whole (ids, dependencies, cycles, template references) and orders its tasks. */
public final class DagValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");
    private static final Set<String> RUN_VARIABLES = Set.of(
            "run_id",
            "dag_id",
            "task_id",
            "logical_date",
            "ds",
            "data_interval_start",
            "data_interval_end",
            "try_number",
            "map_index",
            "home",
            "profile",
            "params",
            "outputs",
            "item");

    private DagValidator() {}

    /** Returns the tasks in topological order, or throws a {@link DagException} naming the first problem. */
    public static List<TaskSpec> validate(String dagId, java.util.Collection<String> params, List<TaskSpec> tasks) {
        if (dagId == null || !ID.matcher(dagId).matches()) {
            throw new DagException(0, "bad DAG id '" + dagId + "' (letters, digits, '_', '.', '-')");
        }
        if (tasks.isEmpty()) {
            throw new DagException(0, "DAG " + dagId + " has no tasks");
        }
        Map<String, TaskSpec> byId = new LinkedHashMap<>();
        for (TaskSpec t : tasks) {
            if (!ID.matcher(t.id()).matches()) {
                throw new DagException(t.line(), "bad task id '" + t.id() + "' (letters, digits, '_', '.', '-')");
            }
            for (String asset : t.outlets()) {
                if (!ID.matcher(asset).matches()) {
                    throw new DagException(
                            t.line(),
                            "task " + t.id() + ": bad asset name '" + asset + "' (letters, digits, '_', '.', '-')");
                }
            }
            if (byId.putIfAbsent(t.id(), t) != null) {
                throw new DagException(t.line(), "duplicate task id '" + t.id() + "'");
            }
        }
        for (TaskSpec t : tasks) {
            for (String dep : t.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw new DagException(t.line(), "task " + t.id() + " depends on unknown task '" + dep + "'");
                }
            }
        }
        List<TaskSpec> ordered = topologicalOrder(byId);
        Map<String, Set<String>> ancestors = ancestors(ordered);
        for (TaskSpec t : ordered) {
            checkReferences(t, params, ancestors.get(t.id()));
            TemplateSafety.check(t.id(), t.action()).ifPresent(r -> {
                throw new DagException(t.line(), r.message());
            });
            if (t.action() instanceof TaskAction.Branch) {
                checkBranch(t, ordered);
            }
        }
        return ordered;
    }

    /**
     * A parameter's default may use the deployment profile ({@code {{ profile.KEY }}}, rendered when a run is
     * created) and nothing else: there is no run yet to take anything else from.
     */
    public static void checkParamDefault(String name, String value) {
        List<List<String>> refs;
        try {
            refs = Template.references(value);
        } catch (TemplateException e) {
            throw new DagException(0, "parameter '" + name + "': " + e.getMessage());
        }
        for (List<String> ref : refs) {
            if (!ref.get(0).equals("profile") || ref.size() != 2) {
                throw new DagException(
                        0,
                        "parameter '" + name + "': a default may only use {{ profile.KEY }}, not {{ "
                                + String.join(".", ref) + " }}");
            }
        }
    }

    /** The variables a trigger's check may use: it runs outside any run. */
    private static final Set<String> TRIGGER_VARIABLES = Set.of("dag_id", "home", "profile", "params", "asset");

    /** A trigger's asset name and the template references of its check. */
    static void checkTrigger(AssetTrigger t, java.util.Collection<String> params) {
        if (!ID.matcher(t.asset()).matches()) {
            throw new DagException(t.line(), "bad asset name '" + t.asset() + "' (letters, digits, '_', '.', '-')");
        }
        if (t.check() == null) {
            return;
        }
        TemplateSafety.check("check of the trigger on " + t.asset(), t.check()).ifPresent(r -> {
            throw new DagException(t.line(), r.message());
        });
        for (String text : t.check().templated()) {
            List<List<String>> refs;
            try {
                refs = Template.references(text);
            } catch (TemplateException e) {
                throw new DagException(t.line(), "trigger on " + t.asset() + ": " + e.getMessage());
            }
            for (List<String> ref : refs) {
                String where = "trigger on " + t.asset() + ": template {{ " + String.join(".", ref) + " }}";
                if (!TRIGGER_VARIABLES.contains(ref.get(0))) {
                    throw new DagException(
                            t.line(),
                            where + " refers to '" + ref.get(0) + "'; a check may use "
                                    + String.join(", ", new java.util.TreeSet<>(TRIGGER_VARIABLES)));
                }
                if (ref.get(0).equals("params") && (ref.size() < 2 || !params.contains(ref.get(1)))) {
                    throw new DagException(
                            t.line(),
                            where + " refers to unknown parameter '" + (ref.size() < 2 ? "" : ref.get(1)) + "'");
                }
            }
        }
    }

    /** A branch chooses among its direct downstream tasks, once per run: it has some, and is not mapped. */
    private static void checkBranch(TaskSpec branch, List<TaskSpec> tasks) {
        if (branch.mapped()) {
            throw new DagException(branch.line(), "task " + branch.id() + ": a branch task cannot be mapped");
        }
        if (tasks.stream().noneMatch(t -> t.dependsOn().contains(branch.id()))) {
            throw new DagException(
                    branch.line(), "task " + branch.id() + ": a branch task needs downstream tasks to choose from");
        }
    }

    private static List<TaskSpec> topologicalOrder(Map<String, TaskSpec> byId) {
        List<TaskSpec> order = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>(); // 1 = on the current path, 2 = done
        for (TaskSpec t : byId.values()) {
            visit(t, byId, mark, new ArrayDeque<>(), order);
        }
        return order;
    }

    private static void visit(
            TaskSpec t,
            Map<String, TaskSpec> byId,
            Map<String, Integer> mark,
            Deque<String> path,
            List<TaskSpec> order) {
        Integer m = mark.get(t.id());
        if (m != null && m == 2) {
            return;
        }
        path.addLast(t.id());
        if (m != null) {
            List<String> p = new ArrayList<>(path);
            List<String> cycle = p.subList(p.indexOf(t.id()), p.size());
            throw new DagException(t.line(), "cycle (each task depends on the next): " + String.join(" -> ", cycle));
        }
        mark.put(t.id(), 1);
        for (String dep : t.dependsOn()) {
            visit(byId.get(dep), byId, mark, path, order);
        }
        mark.put(t.id(), 2);
        path.removeLast();
        order.add(t);
    }

    private static Map<String, Set<String>> ancestors(List<TaskSpec> ordered) {
        Map<String, Set<String>> anc = new HashMap<>();
        for (TaskSpec t : ordered) {
            Set<String> a = new HashSet<>();
            for (String dep : t.dependsOn()) {
                a.add(dep);
                a.addAll(anc.get(dep));
            }
            anc.put(t.id(), a);
        }
        return anc;
    }

    private static void checkReferences(TaskSpec t, java.util.Collection<String> params, Set<String> ancestors) {
        List<String> texts = new ArrayList<>(t.action().templated());
        if (t.mapped() && t.mapOver().expression() != null) {
            List<String> ref = Template.singleReference(t.mapOver().expression());
            if (ref == null || !ref.get(0).equals("outputs") || ref.size() < 2) {
                throw new DagException(
                        t.line(),
                        "task " + t.id() + ": map_over must be a list or one {{ outputs.TASK... }} reference, got '"
                                + t.mapOver().expression() + "'");
            }
            texts.add(t.mapOver().expression());
        }
        for (String text : texts) {
            List<List<String>> refs;
            try {
                refs = Template.references(text);
            } catch (TemplateException e) {
                throw new DagException(t.line(), "task " + t.id() + ": " + e.getMessage());
            }
            for (List<String> ref : refs) {
                checkReference(t, ref, params, ancestors);
            }
        }
        if (t.action() instanceof TaskAction.Sensor s
                && s.outputTask() != null
                && !ancestors.contains(s.outputTask())) {
            throw new DagException(
                    t.line(),
                    "task " + t.id() + ": sensor waits on output of '" + s.outputTask()
                            + "', which is not an upstream task");
        }
    }

    private static void checkReference(
            TaskSpec t, List<String> ref, java.util.Collection<String> params, Set<String> ancestors) {
        String root = ref.get(0);
        String where = "task " + t.id() + ": template {{ " + String.join(".", ref) + " }}";
        if (!RUN_VARIABLES.contains(root)) {
            throw new DagException(
                    t.line(),
                    where + " refers to unknown variable '" + root + "' (known: "
                            + String.join(", ", new java.util.TreeSet<>(RUN_VARIABLES)) + ")");
        }
        if (root.equals("params") && (ref.size() < 2 || !params.contains(ref.get(1)))) {
            throw new DagException(
                    t.line(),
                    where + " refers to unknown parameter '" + (ref.size() < 2 ? "" : ref.get(1)) + "' (declared: "
                            + String.join(", ", params) + ")");
        }
        if (root.equals("outputs") && (ref.size() < 2 || !ancestors.contains(ref.get(1)))) {
            throw new DagException(
                    t.line(),
                    where + " refers to the output of '" + (ref.size() < 2 ? "" : ref.get(1))
                            + "', which is not an upstream task of " + t.id());
        }
        if (root.equals("item") && !t.mapped()) {
            throw new DagException(t.line(), where + " uses {{ item }} but the task has no map_over");
        }
    }
}
