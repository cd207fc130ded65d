package io.dltrigger.ingest.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code bin/dltrigger ingest ...} in this JVM, as a user would from a shell: the CLI's exit code. */
public final class IngestCliRunner {
    private IngestCliRunner() {}

    public static int run(String... args) {
        var cli = IngestCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        if (code != 0) {
            System.err.println("ingest exited with " + code + ": " + err);
        }
        return code;
    }
}
