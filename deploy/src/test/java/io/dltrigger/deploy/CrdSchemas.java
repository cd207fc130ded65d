package io.dltrigger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The openAPIV3Schema of every served version of the CRDs kept in {@code k8s/crds/}, by apiVersion and kind. */
final class CrdSchemas {
    private final Map<String, JsonNode> schemas;

    private CrdSchemas(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    static CrdSchemas load(Path folder) throws IOException {
        Map<String, JsonNode> schemas = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            for (JsonNode crd : Yaml.documents(Files.readString(file))) {
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean(false)) {
                        schemas.put(
                                key(group + "/" + version.path("name").asText(), kind),
                                version.path("schema").path("openAPIV3Schema"));
                    }
                }
            }
        }
        return new CrdSchemas(schemas);
    }

    /** The schema for this apiVersion and kind, or null if no kept CRD defines it. */
    JsonNode schema(String apiVersion, String kind) {
        return schemas.get(key(apiVersion, kind));
    }

    int size() {
        return schemas.size();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
