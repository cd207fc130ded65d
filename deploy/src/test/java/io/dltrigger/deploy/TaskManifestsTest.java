package io.dltrigger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The manifests the engine's kubernetes tasks submit under the k8s profile ({@code conf/k8s/}), with the profile's
 * default values: each validates against its CRD schema, and is k8s/base's resource as the cpu overlay renders it,
 * except what the engine or the task decides (name and labels per try, the program's arguments, retries) and the
 * training's configuration volume (a generated ConfigMap whose name has a content hash: the tasks' arguments name
 * their configuration).
 */
class TaskManifestsTest {
    private static final Pattern PROFILE = Pattern.compile("\\{\\{\\s*profile\\.([a-z0-9_]+)\\s*}}");
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):-([^}]*)}");
    private static CrdSchemas crds;

    @TempDir
    Path scratch;

    @BeforeAll
    static void loadCrds() throws Exception {
        crds = CrdSchemas.load(Kustomize.k8s().resolve("crds"));
    }

    @ParameterizedTest
    @CsvSource({
        "cpu, features.yaml, SparkApplication, dltrigger-features",
        "cpu, train.yaml, SparkApplication, dltrigger-train",
        "cpu, ingest.yaml, FlinkDeployment, dltrigger-ingest",
        "gpu, features.yaml, SparkApplication, dltrigger-features",
        "gpu, train-gpu.yaml, SparkApplication, dltrigger-train",
        "gpu, ingest.yaml, FlinkDeployment, dltrigger-ingest"
    })
    void aTaskManifestIsItsBaseResourceWithTheProfilesValues(String overlay, String file, String kind, String base)
            throws Exception {
        List<JsonNode> docs = Kustomize.render(overlay, scratch);
        JsonNode engine = engineEnv(docs);
        if (file.startsWith("train")) {
            assertEquals(
                    "conf/k8s/" + file,
                    profileValue("k8s_train_manifest", engine),
                    "the engine's trainings under the " + overlay + " overlay");
        }
        ObjectNode task = render(Kustomize.k8s().resolveSibling("conf/k8s").resolve(file), engine);
        assertEquals(kind, task.path("kind").asText());
        ObjectNode named = task.deepCopy();
        named.withObject("/metadata").put("name", "t-0123456789-1"); // as the engine names it
        List<String> problems = StructuralSchema.validateResource(
                named, crds.schema(task.path("apiVersion").asText(), kind));
        assertTrue(problems.isEmpty(), file + ": " + problems);

        ObjectNode rendered = (ObjectNode) docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(base))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        assertEquals(
                rendered.path("metadata").path("labels"), task.path("metadata").path("labels"), file);
        // the base's stage is applied suspended (apply -k starts no stage beside the engine's); the engine's runs
        assertTrue(
                rendered.at("/spec/suspend").asBoolean(false)
                        || rendered.at("/spec/job/state").asText().equals("suspended"),
                base + " applied suspended");
        assertFalse(task.at("/spec/suspend").asBoolean(false), file + " runs");
        assertTrue(task.at("/spec/job/state").asText("running").equals("running"), file + " runs");
        assertEquals(comparable(rendered.get("spec")), comparable(task.get("spec")), file);
    }

    /** A profile key's value in the engine's container: its variable's value there, else its default. */
    private static String profileValue(String key, JsonNode engineEnv) throws Exception {
        JsonNode profile = Yaml.documents(Files.readString(Kustomize.k8s().resolveSibling("conf/profiles/k8s.yaml")))
                .get(0);
        String value = profile.path(key).asText(null);
        Matcher d = value == null ? null : DEFAULT.matcher(value);
        if (d == null || !d.matches()) {
            return value;
        }
        for (JsonNode e : engineEnv) {
            if (e.path("name").asText().equals(d.group(1)) && e.has("value")) {
                return e.path("value").asText();
            }
        }
        return d.group(2);
    }

    private static JsonNode engineEnv(List<JsonNode> docs) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals("Deployment")
                        && d.path("metadata").path("name").asText().equals("dltrigger-engine"))
                .findFirst()
                .orElseThrow()
                .at("/spec/template/spec/containers/0/env");
    }

    /** A spec without what the engine and the task decide, and without the training's configuration volume. */
    private static JsonNode comparable(JsonNode spec) {
        ObjectNode s = spec.deepCopy();
        s.remove(List.of("arguments", "restartPolicy", "suspend"));
        if (s.path("job") instanceof ObjectNode job) {
            job.remove(List.of("args", "state"));
        }
        removeNamed(s.path("volumes"), "conf");
        for (String role : List.of("driver", "executor")) {
            removeNamed(s.path(role).path("volumeMounts"), "conf");
        }
        return s;
    }

    private static void removeNamed(JsonNode list, String name) {
        if (list instanceof ArrayNode a) {
            for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
                if (it.next().path("name").asText().equals(name)) {
                    it.remove();
                }
            }
        }
    }

    /**
     * The manifest with each {@code {{ profile.KEY }}} replaced by its value in conf/profiles/k8s.yaml as the engine
     * of the rendered overlay sees it: {@code ${VAR:-default}} is its container's VAR where the overlay sets it.
     */
    private static ObjectNode render(Path manifest, JsonNode engineEnv) throws Exception {
        Matcher m = PROFILE.matcher(Files.readString(manifest));
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = profileValue(m.group(1), engineEnv);
            if (value == null) {
                missing.add(m.group(1));
                continue;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        assertEquals(List.of(), missing, manifest + " uses profile keys that conf/profiles/k8s.yaml lacks");
        return (ObjectNode) Yaml.documents(out.toString()).get(0);
    }
}
