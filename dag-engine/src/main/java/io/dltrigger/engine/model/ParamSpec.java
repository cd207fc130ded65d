package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DAG parameter: its type, its default (what scheduled runs use) and what a trigger may set it to. Every
 * value a trigger gives goes through {@link #check}, so a task only ever sees a value of the declared type;
 * others are refused with a message naming the parameter (a {@code 400} over REST).
 *
 * @param pattern for {@code string}: the whole value must match (null: any text without control characters)
 * @param values for {@code enum}: the allowed values
 * @param min for {@code int} and {@code float}: the smallest allowed value (null: none)
 * @param max for {@code int} and {@code float}: the largest allowed value (null: none)
 * @param under for {@code path}: the folder the path must stay in (null: anywhere)
 */
public record ParamSpec(
        String name,
        Type type,
        JsonNode defaultValue,
        Pattern pattern,
        List<String> values,
        BigDecimal min,
        BigDecimal max,
        Path under,
        String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f]");

    /** The parameter types of DAG files. */
    public enum Type {
        INT,
        FLOAT,
        BOOL,
        STRING,
        ENUM,
        PATH,
        LIST;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String text) {
            for (Type t : values()) {
                if (t.fileName().equals(text)) {
                    return t;
                }
            }
            throw new IllegalArgumentException(
                    "unknown parameter type '" + text + "' (one of int, float, bool, string, enum, path, list)");
        }
    }

    public ParamSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad parameter name '" + name
                    + "' (letters, digits and '_', not starting with a digit: it is also an environment variable)");
        }
        values = values == null ? List.of() : List.copyOf(values);
        description = description == null ? "" : description;
        requireOnly(name, type == Type.ENUM, !values.isEmpty(), "'values'", "enum");
        requireOnly(name, type == Type.STRING, pattern != null, "'pattern'", "string");
        requireOnly(
                name,
                type == Type.INT || type == Type.FLOAT,
                min != null || max != null,
                "'min'/'max'",
                "int and float");
        requireOnly(name, type == Type.PATH, under != null, "'under'", "path");
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + ": an enum needs its 'values'");
        }
        if (defaultValue == null || defaultValue.isNull()) {
            throw new IllegalArgumentException("parameter " + name + " needs a default (scheduled runs use it)");
        }
        defaultValue = check(name, type, pattern, values, min, max, under, defaultValue);
    }

    /** A parameter declared by its default alone: its type is the default's (a whole number is an int). */
    public static ParamSpec inferred(String name, JsonNode defaultValue) {
        Type type;
        if (defaultValue.isIntegralNumber()) {
            type = Type.INT;
        } else if (defaultValue.isNumber()) {
            type = Type.FLOAT;
        } else if (defaultValue.isBoolean()) {
            type = Type.BOOL;
        } else if (defaultValue.isTextual()) {
            type = Type.STRING;
        } else if (defaultValue.isArray()) {
            type = Type.LIST;
        } else {
            throw new IllegalArgumentException(
                    "parameter " + name + ": give its type (type: int|float|bool|string|enum|path|list, default: ...)");
        }
        return new ParamSpec(name, type, defaultValue, null, null, null, null, null, null);
    }

    /** The value a trigger gives, in this parameter's type, or an error naming the parameter. */
    public JsonNode check(JsonNode value) {
        return check(name, type, pattern, values, min, max, under, value);
    }

    private static JsonNode check(
            String name,
            Type type,
            Pattern pattern,
            List<String> values,
            BigDecimal min,
            BigDecimal max,
            Path under,
            JsonNode value) {
        String shown = value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        String refusal = "parameter '" + name + "' must be " + describe(type, pattern, values, min, max, under)
                + ", got " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
        JsonNode checked = switch (type) {
            case INT -> {
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    yield LongNode.valueOf(value.asLong());
                }
                yield value.isTextual() && INTEGER.matcher(value.asText()).matches()
                        ? LongNode.valueOf(Long.parseLong(value.asText()))
                        : null;
            }
            case FLOAT -> {
                if (value.isNumber()) {
                    yield DoubleNode.valueOf(value.asDouble());
                }
                yield value.isTextual() ? parseFloat(value.asText()) : null;
            }
            case BOOL -> {
                if (value.isBoolean()) {
                    yield value;
                }
                String t = value.asText();
                yield value.isTextual() && (t.equals("true") || t.equals("false"))
                        ? BooleanNode.valueOf(t.equals("true"))
                        : null;
            }
            case STRING -> {
                if (!value.isValueNode() || value.isNull()) {
                    yield null;
                }
                String t = value.asText();
                boolean ok = pattern != null
                        ? pattern.matcher(t).matches()
                        : !CONTROL.matcher(t).find();
                yield ok ? TextNode.valueOf(t) : null;
            }
            case ENUM ->
                value.isValueNode() && values.contains(value.asText()) ? TextNode.valueOf(value.asText()) : null;
            case PATH -> value.isTextual() && safePath(value.asText(), under) ? value : null;
            case LIST -> flatList(value) ? value : null;
        };
        if (checked == null) {
            throw new IllegalArgumentException(refusal);
        }
        if ((type == Type.INT || type == Type.FLOAT) && !within(checked.decimalValue(), min, max)) {
            throw new IllegalArgumentException(refusal);
        }
        return checked;
    }

    private static JsonNode parseFloat(String text) {
        try {
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? DoubleNode.valueOf(d) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean within(BigDecimal v, BigDecimal min, BigDecimal max) {
        return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }

    /**
     * A path that can't be mistaken for an option, has no control characters and no {@code ..} segment, and stays
     * under {@code under} when one is given.
     */
    private static boolean safePath(String text, Path under) {
        if (text.isEmpty() || text.startsWith("-") || CONTROL.matcher(text).find()) {
            return false;
        }
        try {
            Path p = Path.of(text);
            for (Path segment : p) {
                if (segment.toString().equals("..")) {
                    return false;
                }
            }
            return under == null || p.normalize().startsWith(under.normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A list of plain values (text, numbers, booleans), no nesting. */
    private static boolean flatList(JsonNode value) {
        if (!(value instanceof ArrayNode a)) {
            return false;
        }
        for (JsonNode item : a) {
            if (!item.isValueNode()
                    || item.isNull()
                    || (item.isTextual() && CONTROL.matcher(item.asText()).find())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(
            Type type, Pattern pattern, List<String> values, BigDecimal min, BigDecimal max, Path under) {
        String bounds = (min == null ? "" : " >= " + min.toPlainString())
                + (min != null && max != null ? " and" : "")
                + (max == null ? "" : " <= " + max.toPlainString());
        return switch (type) {
            case INT -> "an integer" + bounds;
            case FLOAT -> "a number" + bounds;
            case BOOL -> "true or false";
            case STRING -> pattern == null ? "text without control characters" : "text matching " + pattern;
            case ENUM -> "one of " + String.join(", ", values);
            case PATH -> "a path (no '..', not starting with '-')" + (under == null ? "" : " under " + under);
            case LIST -> "a list of plain values";
        };
    }

    private static void requireOnly(String name, boolean allowed, boolean given, String key, String type) {
        if (given && !allowed) {
            throw new IllegalArgumentException("parameter " + name + ": " + key + " is for " + type + " parameters");
        }
    }

    /** The value as a task sees it in its environment ({@code DLTRIGGER_PARAM_name}): text as is, others as JSON. */
    public static String envValue(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
