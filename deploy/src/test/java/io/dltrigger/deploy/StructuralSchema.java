package io.dltrigger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation of a custom resource against its CRD's {@code openAPIV3Schema}, as the API server reads a
 * structural schema: types, required fields, enums, patterns, int-or-string, and no field the schema does not
 * declare, unless the schema says {@code x-kubernetes-preserve-unknown-fields} (where the API server would
 * otherwise prune it silently, a typo here is an error).
 */
final class StructuralSchema {
    private StructuralSchema() {}

    /**
     * A custom resource's problems. Its apiVersion, kind and metadata are the API server's (TypeMeta and
     * ObjectMeta, whatever the CRD's schema says of them): they are left out here.
     */
    static List<String> validateResource(JsonNode resource, JsonNode schema) {
        ObjectNode body = resource.deepCopy();
        ObjectNode root = schema.deepCopy();
        for (String meta : List.of("apiVersion", "kind", "metadata")) {
            body.remove(meta);
            ((ObjectNode) root.path("properties")).remove(meta);
        }
        ArrayNode required = root.putArray("required");
        schema.path("required").forEach(r -> {
            if (!List.of("apiVersion", "kind", "metadata").contains(r.asText())) {
                required.add(r);
            }
        });
        return validate(body, root);
    }

    /** The problems, each with the field's path; empty when the value conforms. */
    static List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "", errors);
        return errors;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> errors) {
        String where = path.isEmpty() ? "(root)" : path;
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(where + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(where + ": expected an integer or a string, got " + value.getNodeType());
            } else if (value.isTextual() && schema.has("pattern")) {
                checkPattern(value.asText(), schema.get("pattern").asText(), where, errors);
            }
            return;
        }
        if (schema.has("anyOf") && !schema.has("type")) {
            for (JsonNode alternative : schema.get("anyOf")) {
                if (validate(value, alternative).isEmpty()) {
                    return;
                }
            }
            errors.add(where + ": matches none of the allowed forms");
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(where + ": expected an array, got " + value.getNodeType());
                    return;
                }
                JsonNode items = schema.get("items");
                for (int i = 0; i < value.size(); i++) {
                    if (items != null) {
                        check(value.get(i), items, path + "[" + i + "]", errors);
                    }
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(where + ": expected a string, got " + value.getNodeType() + " " + value);
                } else if (schema.has("pattern")) {
                    checkPattern(value.asText(), schema.get("pattern").asText(), where, errors);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(where + ": expected an integer, got " + value.getNodeType() + " " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(where + ": expected a number, got " + value.getNodeType() + " " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(where + ": expected a boolean, got " + value.getNodeType() + " " + value);
                }
            }
            case "" -> {
                // untyped: only allowed with preserve-unknown-fields in a structural schema; anything goes
            }
            default -> errors.add(where + ": the schema has an unknown type " + type);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> errors) {
        String where = path.isEmpty() ? "(root)" : path;
        if (!value.isObject()) {
            errors.add(where + ": expected an object, got " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(where + ": missing required field " + required.asText());
            }
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), child, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, child, errors);
            } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
                errors.add(child + ": unknown field");
            }
        }
    }

    private static void checkPattern(String text, String pattern, String where, List<String> errors) {
        if (!Pattern.compile(pattern).matcher(text).find()) {
            errors.add(where + ": '" + text + "' does not match " + pattern);
        }
    }
}
