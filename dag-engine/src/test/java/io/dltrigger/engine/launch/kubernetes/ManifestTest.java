package io.dltrigger.engine.launch.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ObjectNode vars() throws Exception {
        return (ObjectNode) JSON.readTree(
                "{\"ds\": \"2026-01-05\", \"params\": {\"n\": 5, \"evil\": \"x\\\"}, \\\"hostPID\\\": true, \\\"y\\\": {\\\"\"},"
                        + " \"profile\": {\"image\": \"reg/dltrigger:1\"}}");
    }

    @Test
    void templatesAreRenderedInsideValuesSoAValueCannotChangeTheStructure() throws Exception {
        Path m = dir.resolve("job.yaml");
        Files.writeString(m, """
                apiVersion: batch/v1
                kind: Job
                spec:
                  template:
                    spec:
                      containers:
                        - name: main
                          image: "{{ profile.image }}"
                          args: [run, "{{ params.evil }}", "--n={{ params.n }}", "{{ ds }}"]
                          env:
                            - {name: N, value: "{{ params.n }}"}
                          resources: {limits: {cpu: 2}}
                """);
        ObjectNode o = Manifest.render(m, vars());
        assertEquals(
                "reg/dltrigger:1",
                o.at("/spec/template/spec/containers/0/image").asText());
        assertEquals(
                "[\"run\",\"x\\\"}, \\\"hostPID\\\": true, \\\"y\\\": {\\\"\",\"--n=5\",\"2026-01-05\"]",
                o.at("/spec/template/spec/containers/0/args").toString());
        assertTrue(o.at("/spec/template/spec/hostPID").isMissingNode(), "the value stayed a value");
        assertEquals("5", o.at("/spec/template/spec/containers/0/env/0/value").asText());
        assertEquals(
                2, o.at("/spec/template/spec/containers/0/resources/limits/cpu").asInt(), "numbers stay numbers");
    }

    @Test
    void parametersOutputsAndItemsOutsideArgsAndEnvValuesAreRefusedWithTheLine() throws Exception {
        Path m = dir.resolve("spark.yaml");
        Files.writeString(m, """
                apiVersion: sparkoperator.k8s.io/v1beta2
                kind: SparkApplication
                spec:
                  arguments: ["{{ params.n }}"]
                  sparkConf:
                    spark.driver.extraJavaOptions: "{{ params.evil }}"
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.render(m, vars()));
        assertTrue(e.getMessage().contains("spark.yaml:6") && e.getMessage().contains("params.evil"), e.getMessage());
        Files.writeString(m, "apiVersion: v1\nkind: Job\nspec: {x: \"{{ params.missing }}\"}\n");
        e = assertThrows(IllegalArgumentException.class, () -> Manifest.render(m, vars()));
        assertTrue(e.getMessage().contains("spark.yaml:3"), e.getMessage());
        Files.writeString(m, "apiVersion: v1\nkind: Job\nspec: {x: [\"{{ profile.nope }}\"]}\n");
        e = assertThrows(IllegalArgumentException.class, () -> Manifest.render(m, vars()));
        assertTrue(e.getMessage().contains("profile.nope") && e.getMessage().contains(":3"), e.getMessage());
    }
}
