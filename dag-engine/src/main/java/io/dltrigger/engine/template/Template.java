package io.dltrigger.engine.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{ a.b.c }}} substitution over a JSON context: the context's top-level names are the template
 * variables (run_id, logical_date, params, outputs, item, ...), dots go down objects and array indices.
 * Deliberately tiny: no logic in templates, so that every reference can be checked when a DAG is loaded.
 */
public final class Template {
    private static final Pattern EXPR =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_\\-]+)*)\\s*}}");

    private Template() {}

    /** The references in {@code text}, each as its dotted path split into segments. */
    public static List<List<String>> references(String text) {
        List<List<String>> refs = new ArrayList<>();
        Matcher m = EXPR.matcher(text);
        int last = 0;
        while (m.find()) {
            checkNoStrayBraces(text.substring(last, m.start()), text);
            refs.add(Arrays.asList(m.group(1).split("\\.")));
            last = m.end();
        }
        checkNoStrayBraces(text.substring(last), text);
        return refs;
    }

    /** If {@code text} is exactly one {@code {{ expression }}}, its path; else null. */
    public static List<String> singleReference(String text) {
        Matcher m = EXPR.matcher(text.trim());
        return m.matches() ? Arrays.asList(m.group(1).split("\\.")) : null;
    }

    public static String render(String text, JsonNode context) {
        references(text); // rejects malformed templates before anything is substituted
        Matcher m = EXPR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode value = resolve(Arrays.asList(m.group(1).split("\\.")), context);
            m.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asText() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static JsonNode resolve(List<String> path, JsonNode context) {
        JsonNode node = context;
        for (int i = 0; i < path.size(); i++) {
            String seg = path.get(i);
            JsonNode next = node.isArray() && seg.chars().allMatch(Character::isDigit)
                    ? node.get(Integer.parseInt(seg))
                    : node.get(seg);
            if (next == null || next.isMissingNode()) {
                throw new TemplateException("template variable '" + String.join(".", path) + "' has no '" + seg + "'"
                        + (i == 0 ? "" : " in " + String.join(".", path.subList(0, i))));
            }
            node = next;
        }
        return node;
    }

    private static void checkNoStrayBraces(String between, String whole) {
        if (between.contains("{{") || between.contains("}}")) {
            throw new TemplateException("malformed template in '" + whole + "' (expected {{ name.path }})");
        }
    }
}
