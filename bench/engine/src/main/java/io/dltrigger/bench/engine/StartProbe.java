package io.dltrigger.bench.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of the start-latency benchmark: records when its main method began, as the task's
 * output (or to stdout without the engine).
 */
public final class StartProbe {
    private StartProbe() {}

    public static void main(String[] args) throws Exception {
        long now = System.currentTimeMillis();
        String json = "{\"main_started_ms\": " + now + "}";
        String out = System.getenv("DLTRIGGER_OUTPUT");
        if (out == null) {
            System.out.println(json);
        } else {
            Files.writeString(Path.of(out), json);
        }
    }
}
