package io.dltrigger.engine.dagfile;

import io.dltrigger.engine.model.Dag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads every {@code *.yaml}/{@code *.yml} of a folder; a bad file is reported and the others still load. */
public final class DagFolder {
    private DagFolder() {}

    /** The DAGs that loaded and the files that were refused. */
    public record Scan(Map<String, Dag> dags, Map<String, String> sources, List<DagFileException> errors) {}

    /** The DAG files of a folder, in name order. */
    public static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list DAG folder " + folder, e);
        }
    }

    public static Scan scan(Path folder) {
        return scan(folder, null);
    }

    /** The DAGs of a folder under the deployment profile {@code profile} (see {@link DagFileParser#parse}). */
    public static Scan scan(Path folder, String profile) {
        Map<String, Dag> dags = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        List<DagFileException> errors = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Scan(dags, sources, errors);
        }
        for (Path file : files(folder)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Dag dag = DagFileParser.parse(file.toString(), text, profile);
                Dag earlier = dags.putIfAbsent(dag.id(), dag);
                if (earlier != null) {
                    errors.add(new DagFileException(
                            file.toString(), 1, "DAG id '" + dag.id() + "' is already defined in " + earlier.source()));
                } else {
                    sources.put(dag.id(), text);
                }
            } catch (DagFileException e) {
                errors.add(e);
            } catch (IOException e) {
                errors.add(new DagFileException(file.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        return new Scan(dags, sources, errors);
    }
}
