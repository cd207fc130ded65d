package io.dltrigger.filter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.ModelRegistryContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the filter's tests score, made by the other stages as a user makes it, once per test JVM: ROOT files of the
 * three classes (generate), the event table (ingest, bounded, small chunks so that it has many part files), a
 * features table keeping every selected event (features --no-balance, half of them in test/), and a registry with a
 * published HLF model (trained one epoch at a tiny learning rate: a weak first model), a better HLF model trained
 * but not published (the hot swap publishes it), and a published inclusive model. {@code -Dfilter.fixture=DIR}
 * reuses a fixture made before (while iterating on the filter's code).
 *
 * @param weakHlf the published HLF model's folder
 * @param betterHlf a trained HLF model's folder, not published
 * @param inclusive the published inclusive model's folder
 */
public record FilterFixture(
        Path root, Path events, Path features, Path registry, Path weakHlf, Path betterHlf, Path inclusive) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FilterFixture built;
    private static final Map<Path, Map<Tables.Key, float[]>> SCORES = new HashMap<>();

    public static synchronized FilterFixture get() throws Exception {
        if (built == null) {
            String reuse = System.getProperty("filter.fixture");
            Path root = reuse != null
                    ? Path.of(reuse).toAbsolutePath()
                    : Files.createTempDirectory(Path.of("target").toAbsolutePath(), "filter-fixture-");
            built = Files.exists(root.resolve("fixture.json")) ? read(root) : build(root);
        }
        return built;
    }

    private static FilterFixture build(Path root) throws Exception {
        Path rootFiles = root.resolve("root");
        Path logs = Files.createDirectories(root.resolve("logs"));
        int seed = 11;
        for (String c : List.of("qcd", "ttbar", "wjets")) {
            int events = c.equals("qcd") ? 1200 : 400;
            Stages.run(
                    logs.resolve("generate-" + c + ".log"),
                    "generate",
                    "--class",
                    c,
                    "--events",
                    Integer.toString(events),
                    "--events-per-file",
                    "200",
                    "--seed",
                    Integer.toString(seed++),
                    "--out",
                    rootFiles.toString());
        }
        Path events = root.resolve("events");
        Stages.run(
                logs.resolve("ingest.log"),
                "ingest",
                "--input",
                rootFiles.toString(),
                "--output",
                events.toString(),
                "--bounded",
                "--chunk-events",
                "100",
                "--checkpoint-interval",
                "300ms",
                "--parallelism",
                "2");
        Path features = root.resolve("features");
        Stages.run(
                logs.resolve("features.log"),
                "features",
                "--events",
                events.toString(),
                "--output",
                features.toString(),
                "--no-balance",
                "--test-fraction",
                "0.5",
                "--master",
                "local[2]");
        Path registry = root.resolve("registry");
        Path weak = train(root, "weak-hlf", "HLF", "--epochs", "1", "--learning-rate", "0.000001", "--publish");
        Path better = train(root, "better-hlf", "HLF", "--epochs", "10");
        Path inclusive =
                train(root, "inclusive", "INCLUSIVE", "--epochs", "1", "--max-train-events", "200", "--publish");
        FilterFixture f = new FilterFixture(root, events, features, registry, weak, better, inclusive);
        for (String kind : List.of("HLF", "INCLUSIVE")) {
            if (ModelRegistryContract.current(registry, kind).isEmpty()) {
                throw new IllegalStateException("the fixture's " + kind + " model was not published: see " + logs);
            }
        }
        JSON.writeValue(
                root.resolve("fixture.json").toFile(),
                Map.of("weak", weak.toString(), "better", better.toString(), "inclusive", inclusive.toString()));
        return f;
    }

    private static FilterFixture read(Path root) throws Exception {
        var n = JSON.readTree(root.resolve("fixture.json").toFile());
        return new FilterFixture(
                root,
                root.resolve("events"),
                root.resolve("features"),
                root.resolve("registry"),
                Path.of(n.get("weak").asText()),
                Path.of(n.get("better").asText()),
                Path.of(n.get("inclusive").asText()));
    }

    /** {@code train} on the features table into the registry; the new version's folder. */
    private static Path train(Path root, String name, String kind, String... more) throws Exception {
        Path output = root.resolve("logs/train-" + name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of(
                "train",
                "--config",
                "conf/training-demo.yaml",
                "--features",
                root.resolve("features").toString(),
                "--registry",
                root.resolve("registry").toString(),
                "--checkpoints",
                root.resolve("checkpoints").toString(),
                "--best-config",
                "none",
                "--model",
                kind,
                "--local"));
        args.addAll(List.of(more));
        Stages.run(
                root.resolve("logs/train-" + name + ".log"),
                Map.of("DLTRIGGER_OUTPUT", output.toString()),
                args.toArray(String[]::new));
        return Path.of(JSON.readTree(output.toFile()).get("model_dir").asText());
    }

    public String version(Path modelDir) {
        return modelDir.getFileName().toString();
    }

    /**
     * The batch {@code score} command's probabilities of every selected event (train/ and test/ of the features
     * table, kept whole) with the model in {@code modelDir}; computed once per model.
     */
    public synchronized Map<Tables.Key, float[]> batchScores(Path modelDir) throws Exception {
        Map<Tables.Key, float[]> s = SCORES.get(modelDir);
        if (s == null) {
            Path out = root.resolve("scores").resolve(version(modelDir));
            for (String split : List.of("train", "test")) {
                Stages.run(
                        root.resolve("logs/score-" + version(modelDir) + "-" + split + ".log"),
                        "score",
                        "--config",
                        "conf/training-demo.yaml",
                        "--model",
                        modelDir.toString(),
                        "--input",
                        features.resolve(split).toString(),
                        "--output",
                        out.resolve(split).toString());
            }
            s = Tables.batchScores(out.resolve("train"), out.resolve("test"));
            SCORES.put(modelDir, s);
        }
        return s;
    }
}
