package io.dltrigger.bench.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-ingest}: events/s per core of the Flink job against the plain loop, same files, same run. */
@Command(
        name = "bench-ingest",
        mixinStandardHelpOptions = true,
        description = "Benchmark ROOT -> Parquet: plain single-threaded loop, then the Flink job at each parallelism.")
final class BenchIngestCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of generated ROOT files.")
    Path input;

    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Scratch folder for outputs.")
    Path work;

    @Option(names = "--parallelism", split = ",", defaultValue = "1,2", paramLabel = "N,...")
    List<Integer> parallelism;

    @Option(names = "--chunk-events", defaultValue = "2000", paramLabel = "N")
    long chunkEvents;

    @Option(
            names = "--writer-only",
            description = "Only the Parquet writers on the first input file's batches held in memory"
                    + " (columnar against the record-API anchor, one thread, CPU time).")
    boolean writerOnly;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "Passes of --writer-only (best).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        if (writerOnly) {
            IngestBenchmark.writers(input, work, chunkEvents, repeat).forEach(System.out::println);
            return 0;
        }
        List<IngestBenchmark.Result> results = IngestBenchmark.run(input, work, parallelism, chunkEvents);
        System.out.println(IngestBenchmark.Result.header());
        results.forEach(r -> System.out.println(r.row()));
        return 0;
    }
}
