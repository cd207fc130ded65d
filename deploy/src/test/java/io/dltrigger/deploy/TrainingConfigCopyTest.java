package io.dltrigger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cluster's training configuration (k8s/base/namespaced/engine/conf/training.yaml, in the dltrigger-conf
 * ConfigMap) is conf/training.yaml with its paths on the shared data volume and the cluster's Spark master: the same
 * keys, and the same value for every other key, so that a change to the source cannot be forgotten in the copy.
 */
class TrainingConfigCopyTest {
    /** What the cluster's copy sets differently, and why: paths on /data, the driver in its pod. */
    private static final Set<String> CLUSTER_KEYS =
            Set.of("features", "registry", "spark.master", "tune.output", "train.best_config", "train.checkpoints");

    @Test
    void theClusterCopyIsTheSourceWithItsPathsAndMaster() throws Exception {
        Map<String, JsonNode> source = leaves(Kustomize.k8s().resolveSibling("conf/training.yaml"));
        Map<String, JsonNode> copy = leaves(Kustomize.k8s().resolve("base/namespaced/engine/conf/training.yaml"));
        assertEquals(source.keySet(), copy.keySet(), "the same keys");
        for (Map.Entry<String, JsonNode> e : source.entrySet()) {
            String key = e.getKey();
            if (CLUSTER_KEYS.contains(key)) {
                String v = copy.get(key).asText();
                assertTrue(
                        key.equals("spark.master") ? v.startsWith("k8s://") : v.startsWith("/data/"),
                        key + " in the cluster: " + v);
            } else {
                assertEquals(e.getValue(), copy.get(key), key);
            }
        }
        assertTrue(source.keySet().containsAll(CLUSTER_KEYS), "every key the copy sets exists: " + CLUSTER_KEYS);
    }

    /** Every leaf of a YAML file by its dotted path (lists are leaves). */
    private static Map<String, JsonNode> leaves(Path file) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        collect("", Yaml.documents(Files.readString(file)).get(0), out);
        return out;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (!node.isObject() || node.isEmpty()) {
            out.put(prefix, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
        }
    }
}
