package io.dltrigger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Built-in kinds parsed into fabric8's typed models, strictly: fabric8 keeps a field its model does not know in
 * the object's {@code additionalProperties} instead of failing, so after parsing every model object of the tree
 * is visited and any such field is reported with its path.
 */
final class StrictModels {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictModels() {}

    /** The typed object; throws if fabric8 has no typed model for the document's apiVersion and kind. */
    static HasMetadata parse(JsonNode document) {
        HasMetadata parsed = SERIALIZATION.unmarshal(document.toString());
        if (parsed instanceof GenericKubernetesResource) {
            throw new IllegalArgumentException(
                    "no typed model for " + document.path("apiVersion").asText() + " "
                            + document.path("kind").asText());
        }
        return parsed;
    }

    /** Fields fabric8's model did not know, as paths; empty when the document is fully typed. */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        visit(model, "", found);
        return found;
    }

    /** An ObjectMeta (a custom resource's metadata) parsed strictly. */
    static List<String> unknownMetadataFields(JsonNode metadata) {
        return unknownFields(
                SERIALIZATION.unmarshal(metadata.toString(), io.fabric8.kubernetes.api.model.ObjectMeta.class));
    }

    private static void visit(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                visit(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> visit(v, path + "." + k, found));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return; // strings, numbers, enums
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // computed accessors that do not apply to this value
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> found.add((path.isEmpty() ? "" : path + ".") + k));
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                visit(child, path.isEmpty() ? name : path + "." + name, found);
            }
        }
    }
}
