package io.dltrigger.contract.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How every stage reads its {@code conf/*.yaml}: keys are snake_case, a file names only what it changes (the rest
 * keeps the stage's defaults, at any depth), and whatever cannot be used is refused as {@code FILE line N: cause}.
 * A key written in the old kebab-case or camelCase style is refused naming its snake_case form.
 */
public final class ConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ConfigFile() {}

    /**
     * Reads {@code file} over {@code defaults}.
     *
     * @param replaced dotted paths of free-form maps (e.g. {@code collections}) that a file replaces as a whole
     *     instead of merging into the defaults
     */
    public static <T> T load(Path file, Class<T> type, T defaults, Set<String> replaced) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return read(text, file.toString(), type, defaults, replaced);
    }

    /** As {@link #load}, from text; {@code name} stands for the file in messages. */
    public static <T> T read(String text, String name, Class<T> type, T defaults, Set<String> replaced) {
        Map<String, Integer> lines;
        JsonNode user;
        try {
            lines = keyLines(text);
            user = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + line(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(name + ": " + e.getMessage(), e);
        }
        boolean empty = user == null || user.isMissingNode() || user.isNull();
        if (!empty && !user.isObject()) {
            throw new ConfigException(name + " line 1: expected a mapping of keys to values at the top level");
        }
        if (!empty) {
            checkKeys(user, YAML.constructType(type), "", lines, name);
        }
        JsonNode merged;
        if (defaults == null) {
            merged = empty ? YAML.createObjectNode() : user;
        } else {
            merged = YAML.valueToTree(defaults);
            if (!empty) {
                merge((ObjectNode) merged, (ObjectNode) user, "", replaced);
            }
        }
        try {
            return YAML.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            String path = path(e);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String cause = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
            if (e instanceof MismatchedInputException
                    && cause != null
                    && cause.startsWith("Missing creator property")) {
                throw new ConfigException(name + lineOf(lines, path) + ": missing key '" + path + "'", e);
            }
            throw new ConfigException(
                    name + lineOf(lines, path) + ": " + (path.isEmpty() ? "" : "bad value for '" + path + "': ")
                            + cause,
                    e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Refuses a key the configuration class does not have, at any depth, naming its line and, for an old-style key,
     * its snake_case form. Checked before binding so that an unknown key is reported as such, not as a value missing
     * elsewhere.
     */
    private static void checkKeys(JsonNode node, JavaType type, String path, Map<String, Integer> lines, String name) {
        if (node.isArray() && type.isCollectionLikeType()) {
            for (int i = 0; i < node.size(); i++) {
                checkKeys(node.get(i), type.getContentType(), path + "[" + i + "]", lines, name);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (type.isMapLikeType()) {
            node.fields()
                    .forEachRemaining(
                            e -> checkKeys(e.getValue(), type.getContentType(), join(path, e.getKey()), lines, name));
            return;
        }
        if (type.isContainerType()
                || type.isEnumType()
                || type.getRawClass().getName().startsWith("java.")) {
            return;
        }
        BeanDescription bean = YAML.getDeserializationConfig().introspect(type);
        Map<String, JavaType> known = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            known.put(p.getName(), p.getPrimaryType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String at = join(path, key);
            JavaType propertyType = known.get(key);
            if (propertyType == null) {
                String snake = snakeCase(key);
                String cause = !snake.equals(key) && known.containsKey(snake)
                        ? "key '" + at + "' is now '" + snake + "' (configuration keys are snake_case)"
                        : "unknown key '" + at + "' (known here: " + String.join(", ", known.keySet()) + ")";
                throw new ConfigException(name + lineOf(lines, at) + ": " + cause);
            }
            checkKeys(e.getValue(), propertyType, at, lines, name);
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** {@code chunkEvents} and {@code chunk-events} become {@code chunk_events}. */
    static String snakeCase(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    private static void merge(ObjectNode base, ObjectNode user, String prefix, Set<String> replaced) {
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            JsonNode old = base.get(e.getKey());
            if (old instanceof ObjectNode o && e.getValue() instanceof ObjectNode u && !replaced.contains(path)) {
                merge(o, u, path + ".", replaced);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** The dotted path of the value a mapping error is about, e.g. {@code train.batch_size} or {@code input[2]}. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** The line of a path's key, or of its nearest enclosing key; the merged defaults have no line. */
    private static String lineOf(Map<String, Integer> lines, String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return " line " + line;
            }
        }
        return "";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static String line(JsonLocation l) {
        return l == null || l.getLineNr() < 0 ? "" : " line " + l.getLineNr();
    }

    /** Every key's and list element's dotted path in the text, with the line it starts on. */
    private static Map<String, Integer> keyLines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> indices = new ArrayDeque<>(); // per open array, the next element index; null for objects
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            String pending = "";
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                String here = pending;
                if (!indices.isEmpty() && indices.peek().length == 1 && t != JsonToken.END_ARRAY) {
                    here = paths.peek() + "[" + indices.peek()[0]++ + "]";
                    lines.put(here, p.currentLocation().getLineNr());
                }
                switch (t) {
                    case FIELD_NAME -> {
                        String parent = paths.isEmpty() ? "" : paths.peek();
                        pending = parent.isEmpty() ? p.currentName() : parent + "." + p.currentName();
                        lines.put(pending, p.currentLocation().getLineNr());
                    }
                    case START_OBJECT -> {
                        paths.push(here);
                        indices.push(new int[0]);
                    }
                    case START_ARRAY -> {
                        paths.push(here);
                        indices.push(new int[1]);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        paths.pop();
                        indices.pop();
                    }
                    default -> {}
                }
            }
        }
        return lines;
    }
}
