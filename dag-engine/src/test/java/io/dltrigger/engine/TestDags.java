package io.dltrigger.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The DAG files that the command-line, REST and browser tests share. */
public final class TestDags {
    private TestDags() {}

    /**
     * {@code hello.yaml}: task {@code greet} echoes {@code hello PARAM try N} (string parameter {@code who}, default
     * {@code world}), then {@code done}, a noop, runs after it.
     */
    public static Path hello(Path dags) throws IOException {
        return write(
                dags,
                "hello.yaml",
                "id: hello",
                "description: says hello",
                "params: {who: world}",
                "tasks:",
                "  - id: greet",
                "    type: shell",
                "    command: echo \"hello $DLTRIGGER_PARAM_who try $DLTRIGGER_TRY_NUMBER\"",
                "  - id: done",
                "    type: noop",
                "    depends_on: [greet]");
    }

    /**
     * Two files the engine refuses: {@code bad.yaml} at line 2 (a bad cron expression) and
     * {@code broken.yaml} at line 4 (an unknown task type).
     */
    public static void refused(Path dags) throws IOException {
        write(dags, "bad.yaml", "id: bad", "schedule: 'every day'", "tasks:", "  - id: a", "    type: noop");
        write(dags, "broken.yaml", "id: broken", "tasks:", "  - id: a", "    type: shel", "    command: x");
    }

    private static Path write(Path dags, String name, String... lines) throws IOException {
        Files.createDirectories(dags);
        return Files.writeString(dags.resolve(name), String.join("\n", lines) + "\n");
    }
}
