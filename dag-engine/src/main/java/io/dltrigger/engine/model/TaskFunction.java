package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A task that runs inside the engine's JVM: built from the Java API only (tests, benchmarks), the way
 * Dagster ops are plain functions. Receives the rendered template variables, returns its output (or null).
 */
@FunctionalInterface
public interface TaskFunction {
    JsonNode run(Map<String, Object> context) throws Exception;
}
