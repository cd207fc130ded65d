package io.dltrigger.ingest.cli;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.reingest.Reingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reingest}: replaces a source file's rows in the event table with its current version. */
@Command(
        name = "reingest",
        mixinStandardHelpOptions = true,
        description = {
            "Replace the event table's rows of these ROOT files with their current version (files the ingest",
            "job reported as 'changed after ingestion'), in one crash-safe step. Same configuration as ingest."
        })
final class ReingestCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "ROOT files, as the ingest job names them or as paths")
    List<String> files;

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "The event table's root folder.")
    String output;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration, as for ingest.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (config != null && !Files.isRegularFile(config)) {
            throw new ConfigException("--config: no such file " + config);
        }
        Path file = config;
        if (file == null) {
            Path home = Path.of(System.getProperty("dltrigger.home", "."), "conf", "ingest.yaml");
            file = Files.isRegularFile(home) ? home : null;
        }
        IngestSettings s = IngestSettings.load(file);
        s.input = files;
        s.output = output;
        IngestConfig cfg = s.toConfig();
        Reingest.Result r = new Reingest(cfg).run(files);
        System.err.printf(
                "reingest: %d rows of the old versions removed (%d part files rewritten), %d rows written%n",
                r.rowsRemoved(), r.partFilesRewritten(), r.rowsWritten());
        return 0;
    }
}
