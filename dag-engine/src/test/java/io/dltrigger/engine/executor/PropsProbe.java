package io.dltrigger.engine.executor;

import java.nio.file.Files;
import java.nio.file.Path;

/** The main class of the test module: writes its arguments and some system properties as its output. */
public final class PropsProbe {
    private PropsProbe() {}

    public static void main(String[] args) throws Exception {
        StringBuilder json = new StringBuilder("{\"args\": [");
        for (int i = 0; i < args.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(args[i]).append('"');
        }
        json.append("]");
        for (String p : new String[] {
            "spark.master", "spark.submit.deployMode", "spark.executor.memory", "probe.flag", "dltrigger.home"
        }) {
            String v = System.getProperty(p);
            json.append(", \"").append(p).append("\": ").append(v == null ? "null" : "\"" + v + "\"");
        }
        json.append(", \"max_heap_mb\": ")
                .append(Runtime.getRuntime().maxMemory() >> 20)
                .append("}");
        Files.writeString(Path.of(System.getenv("DLTRIGGER_OUTPUT")), json.toString());
    }
}
