package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Dynamic mapping: the task runs once per element of a list, either fixed in the DAG ({@code items}) or
 * taken at run time from an upstream output ({@code expression}, a single {@code {{ outputs.T.path }}}).
 * Each instance sees its element as {@code {{ item }}}.
 */
public record MapOver(JsonNode items, String expression) {
    public static MapOver ofItems(JsonNode items) {
        return new MapOver(items, null);
    }

    public static MapOver ofExpression(String expression) {
        return new MapOver(null, expression);
    }
}
