package io.dltrigger.engine.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A stand-in streaming job: appends its arguments to the file named by the first one, then runs forever. */
public final class StreamProbe {
    private StreamProbe() {}

    public static void main(String[] args) throws Exception {
        Files.writeString(
                Path.of(args[0]), String.join(" ", args) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.sleep(Long.MAX_VALUE);
    }
}
