package io.dltrigger.engine.tasks;

import java.util.List;
import java.util.Map;

/** A rendered command: what to execute and the extra environment. */
public record ProcessSpec(List<String> argv, Map<String, String> env) {
    public ProcessSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }
}
