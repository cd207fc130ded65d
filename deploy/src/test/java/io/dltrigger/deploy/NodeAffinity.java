package io.dltrigger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Kubernetes' required node affinity, evaluated: any term matches when all of its expressions hold. */
final class NodeAffinity {
    private NodeAffinity() {}

    static boolean matches(JsonNode nodeSelectorTerms, Map<String, String> labels) {
        for (JsonNode term : nodeSelectorTerms) {
            boolean all = true;
            for (JsonNode e : term.path("matchExpressions")) {
                all &= holds(e, labels.get(e.path("key").asText()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(JsonNode expression, String value) {
        JsonNode values = expression.path("values");
        return switch (expression.path("operator").asText()) {
            case "In" -> value != null && contains(values, value);
            case "NotIn" -> value == null || !contains(values, value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            case "Gt" -> value != null && Long.parseLong(value) > values.get(0).asLong();
            case "Lt" -> value != null && Long.parseLong(value) < values.get(0).asLong();
            default -> throw new IllegalArgumentException("operator " + expression.path("operator"));
        };
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
