package io.dltrigger.engine.dagfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s carrying line numbers (Jackson's tree model drops them): DAG files, and the
 * manifests of kubernetes tasks.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlReader() {}

    /** Parses one YAML document; syntax errors become a {@link DagFileException} with the line. */
    public static YamlNode read(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DagFileException(file, 1, "empty file");
            }
            return node(p, t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DagFileException(file, line, "YAML syntax: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DagFileException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode node(JsonParser p, JsonToken t) throws IOException {
        int line = p.getTokenLocation().getLineNr();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    keyLines.put(key, p.getTokenLocation().getLineNr());
                    entries.put(key, node(p, p.nextToken()));
                }
                return new YamlNode.Mapping(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(node(p, next));
                }
                return new YamlNode.Sequence(items, line);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(p.getLongValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getDoubleValue(), line);
            }
            case VALUE_TRUE -> {
                return new YamlNode.Scalar(Boolean.TRUE, line);
            }
            case VALUE_FALSE -> {
                return new YamlNode.Scalar(Boolean.FALSE, line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, line);
            }
            default -> throw new IOException("unexpected YAML token " + t);
        }
    }
}
