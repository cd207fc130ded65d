package io.dltrigger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)}");
    private static CrdSchemas crds;

    @TempDir
    Path scratch;

    @BeforeAll
    static void loadCrds() throws Exception {
        crds = CrdSchemas.load(Kustomize.k8s().resolve("crds"));
    }

    @ParameterizedTest
    @CsvSource({
        "features.yaml, SparkApplication, dltrigger-features",
        "train.yaml, SparkApplication, dltrigger-train",
        "ingest.yaml, FlinkDeployment, dltrigger-ingest"
    })
    void aTaskManifestIsItsBaseResourceWithTheProfilesValues(String file, String kind, String base) throws Exception {
        ObjectNode task = render(Kustomize.k8s().resolveSibling("conf/k8s").resolve(file));
        assertEquals(kind, task.path("kind").asText());
        ObjectNode named = task.deepCopy();
        named.withObject("/metadata").put("name", "t-0123456789-1"); // as the engine names it
        List<String> problems = StructuralSchema.validateResource(
                named, crds.schema(task.path("apiVersion").asText(), kind));
        assertTrue(problems.isEmpty(), file + ": " + problems);

        ObjectNode rendered = (ObjectNode) Kustomize.render("cpu", scratch).stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("metadata").path("name").asText().equals(base))
                .findFirst()
                .orElseThrow()
                .deepCopy();
        assertEquals(
                rendered.path("metadata").path("labels"), task.path("metadata").path("labels"), file);
        assertEquals(comparable(rendered.get("spec")), comparable(task.get("spec")), file);
    }

    /** A spec without what the engine and the task decide, and without the training's configuration volume. */
    private static JsonNode comparable(JsonNode spec) {
        ObjectNode s = spec.deepCopy();
        s.remove(List.of("arguments", "restartPolicy"));
        if (s.path("job") instanceof ObjectNode job) {
            job.remove("args");
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

    /** The manifest with each {@code {{ profile.KEY }}} replaced by conf/profiles/k8s.yaml's default for it. */
    private static ObjectNode render(Path manifest) throws Exception {
        JsonNode profile = Yaml.documents(Files.readString(Kustomize.k8s().resolveSibling("conf/profiles/k8s.yaml")))
                .get(0);
        Matcher m = PROFILE.matcher(Files.readString(manifest));
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = profile.path(m.group(1)).asText(null);
            if (value == null) {
                missing.add(m.group(1));
                continue;
            }
            Matcher d = DEFAULT.matcher(value);
            m.appendReplacement(out, Matcher.quoteReplacement(d.matches() ? d.group(1) : value));
        }
        m.appendTail(out);
        assertEquals(List.of(), missing, manifest + " uses profile keys that conf/profiles/k8s.yaml lacks");
        return (ObjectNode) Yaml.documents(out.toString()).get(0);
    }
}
