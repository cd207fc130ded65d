package io.dltrigger.engine.dagfile;

import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.store.DagRepository;
import io.dltrigger.engine.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The DAGs the engine knows: those of the DAG folder (re-read when a file changes) plus those
 * registered in Java. Each distinct definition is recorded as a DAG version in the store. When a file that
 * loaded before is refused (a bad edit), its DAG keeps running its last good version, with the refusal shown
 * beside it (as Airflow keeps a DAG whose file broke): the version this process loaded last, or after a restart
 * the one the store recorded.
 */
public final class DagRegistry {
    private final Path folder;
    private final DagRepository store;
    private final Set<String> pools;
    private final Map<String, Dag> javaDags = new LinkedHashMap<>();
    private volatile Map<String, Dag> dags = Map.of();
    private volatile List<DagFileException> errors = List.of();
    /** DAGs running their last good version: the refusal of their file, by DAG id. */
    private volatile Map<String, String> stale = Map.of();
    /** The DAGs of the folder as last loaded, with their text, by id. */
    private Map<String, Loaded> fileDags = Map.of();

    private record Loaded(Dag dag, String text) {}

    private String fingerprint = "";

    private final Profile profile;

    public DagRegistry(Path folder, DagRepository store, Set<String> pools) {
        this(folder, store, pools, Profile.empty("local"));
    }

    /** {@code profile}: a DAG that uses a {@code {{ profile.KEY }}} it lacks is refused. */
    public DagRegistry(Path folder, DagRepository store, Set<String> pools, Profile profile) {
        this.folder = folder;
        this.store = store;
        this.pools = pools;
        this.profile = profile;
    }

    /** Re-reads the DAG folder if any file was added, removed or changed. */
    public synchronized void refresh() {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            fingerprint = now;
            rebuild();
        }
    }

    /** Adds (or replaces) a DAG built in Java. */
    public synchronized void register(Dag dag) {
        javaDags.put(dag.id(), dag);
        rebuild();
    }

    public Optional<Dag> dag(String id) {
        return Optional.ofNullable(dags.get(id));
    }

    public Collection<Dag> all() {
        return dags.values();
    }

    public List<DagFileException> errors() {
        return errors;
    }

    /** When the DAG runs its last good version because its file is refused: the refusal. */
    public Optional<String> staleError(String dagId) {
        return Optional.ofNullable(stale.get(dagId));
    }

    private void rebuild() {
        Map<String, Loaded> good = new LinkedHashMap<>();
        List<DagFileException> errs = new ArrayList<>();
        if (folder != null) {
            DagFolder.Scan scan = DagFolder.scan(folder, profile.name());
            errs.addAll(scan.errors());
            scan.dags().forEach((id, dag) -> {
                Optional<DagFileException> poolError = unknownPool(dag).or(() -> unknownProfileKey(dag));
                if (poolError.isPresent()) {
                    errs.add(poolError.get());
                } else {
                    good.put(id, new Loaded(dag, scan.sources().get(id)));
                }
            });
        }
        Map<String, String> staleNow = new LinkedHashMap<>();
        for (DagFileException e : errs) {
            lastGood(e.file()).ifPresent(last -> {
                if (good.putIfAbsent(last.dag().id(), last) == null) {
                    staleNow.put(last.dag().id(), e.getMessage());
                }
            });
        }
        Map<String, Dag> next = new LinkedHashMap<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        good.forEach((id, l) -> {
            next.put(id, l.dag());
            definitions.put(id, l.text());
        });
        javaDags.forEach((id, dag) -> {
            next.put(id, dag);
            definitions.put(id, describe(dag));
        });
        definitions.forEach((id, text) -> store.register(id, text, next.get(id).source()));
        fileDags = good;
        dags = next;
        errors = List.copyOf(errs);
        stale = staleNow;
    }

    /** The last good DAG of a refused file: as this process last loaded it, else as the store recorded it. */
    private Optional<Loaded> lastGood(String file) {
        for (Loaded l : fileDags.values()) {
            if (l.dag().source().equals(file)) {
                return Optional.of(l);
            }
        }
        return store.current(file).flatMap(d -> {
            try {
                Dag dag = DagFileParser.parse(file, d.text(), profile.name());
                return unknownPool(dag).isPresent() ? Optional.empty() : Optional.of(new Loaded(dag, d.text()));
            } catch (DagFileException changedRules) {
                return Optional.empty(); // valid once, refused by this engine's rules
            }
        });
    }

    private Optional<DagFileException> unknownPool(Dag dag) {
        for (TaskSpec t : dag.tasks()) {
            if (!t.pool().equals("default") && !pools.contains(t.pool())) {
                return Optional.of(new DagFileException(
                        dag.source(),
                        t.line(),
                        "task " + t.id() + ": unknown pool '" + t.pool() + "' (configured pools: default"
                                + (pools.isEmpty() ? "" : ", " + String.join(", ", pools)) + ")"));
            }
        }
        return Optional.empty();
    }

    /** A {@code {{ profile.KEY }}} (in a task or a parameter default) that the selected profile does not define. */
    private Optional<DagFileException> unknownProfileKey(Dag dag) {
        List<String> params = new ArrayList<>();
        dag.params().values().forEach(p -> {
            if (p.defaultValue().isTextual()) {
                params.add(p.defaultValue().asText());
            }
        });
        Optional<String> bad = missingProfileKey(params);
        if (bad.isPresent()) {
            return Optional.of(new DagFileException(dag.source(), 1, "parameter default uses " + bad.get()));
        }
        for (TaskSpec t : dag.tasks()) {
            bad = missingProfileKey(t.action().templated());
            if (bad.isPresent()) {
                return Optional.of(
                        new DagFileException(dag.source(), t.line(), "task " + t.id() + " uses " + bad.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> missingProfileKey(List<String> texts) {
        for (String text : texts) {
            for (List<String> ref : Template.references(text)) {
                if (ref.get(0).equals("profile")
                        && (ref.size() < 2 || !profile.values().containsKey(ref.get(1)))) {
                    return Optional.of("{{ " + String.join(".", ref) + " }}, which profile '" + profile.name()
                            + "' does not define (its keys: "
                            + String.join(
                                    ", ",
                                    new java.util.TreeSet<>(profile.values().keySet())) + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** A stable text of a Java-built DAG, so that its versions are tracked like a file's. */
    private static String describe(Dag dag) {
        StringBuilder sb = new StringBuilder("# built in Java\nid: " + dag.id() + "\n");
        sb.append("schedule: ")
                .append(dag.schedule())
                .append("\nparams: ")
                .append(dag.params().values().stream()
                        .map(p -> p.name() + ":" + p.type().fileName() + "=" + p.defaultValue())
                        .toList())
                .append("\ntasks:\n");
        for (TaskSpec t : dag.tasks()) {
            sb.append("  - ")
                    .append(t.id())
                    .append(" ")
                    .append(t.action().typeName())
                    .append(" after ")
                    .append(t.dependsOn())
                    .append(" ")
                    .append(t.action().templated())
                    .append('\n');
        }
        return sb.toString();
    }

    private String fingerprint() {
        if (folder == null || !Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                sb.append(p.getFileName())
                        .append(':')
                        .append(Files.getLastModifiedTime(p).toMillis())
                        .append(':')
                        .append(Files.size(p))
                        .append(';');
            }
        } catch (IOException e) {
            return "unreadable:" + e.getMessage();
        }
        return sb.toString();
    }
}
