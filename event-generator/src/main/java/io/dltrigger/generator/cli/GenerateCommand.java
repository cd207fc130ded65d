package io.dltrigger.generator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write synthetic Delphes-like ROOT files of one class (qcd, wjets, ttbar).",
            "With --validate: generate every class in memory and print the selection efficiencies, feature "
                    + "distributions and cut-based / HLF-network separation instead."
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--class", description = "qcd, wjets or ttbar")
    String sampleId;

    @Option(names = "--events", required = true, description = "events to generate (per class with --validate)")
    long events;

    @Option(
            names = "--events-per-file",
            defaultValue = "10000",
            description = "events per file (default ${DEFAULT-VALUE})")
    int eventsPerFile;

    @Option(names = "--seed", defaultValue = "1", description = "run seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "output directory")
    Path out;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "files generated in parallel (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--validate", description = "print the validation report instead of writing files")
    boolean validate;

    @Option(names = "--format", defaultValue = "markdown", description = "validation report format: markdown or json")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (validate) {
            if (events > Integer.MAX_VALUE) {
                throw new ParameterException(spec.commandLine(), "--events too large for --validate");
            }
            ValidationReport report = ValidationReport.run((int) events, seed);
            switch (format) {
                case "markdown" -> stdout.print(report.toMarkdown());
                case "json" ->
                    stdout.println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(report));
                default ->
                    throw new ParameterException(
                            spec.commandLine(), "--format must be markdown or json, got " + format);
            }
            stdout.flush();
            return 0;
        }
        if (sampleId == null || out == null) {
            throw new ParameterException(spec.commandLine(), "--class and --out are required (unless --validate)");
        }
        EventClass sample;
        FilePlan plan;
        FileGeneration generation;
        try {
            sample = EventClass.fromId(sampleId);
            plan = FilePlan.of(sample, events, eventsPerFile, seed);
            generation = new FileGeneration(RootFileSink::open, threads);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Files.createDirectories(out);
        List<Path> files = generation.run(plan, out);
        stdout.printf("wrote %d %s events in %d files to %s%n", events, sample.id(), files.size(), out);
        stdout.flush();
        return 0;
    }
}
