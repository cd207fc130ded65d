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

    @Override
    public Integer call() throws Exception {
        List<IngestBenchmark.Result> results = IngestBenchmark.run(input, work, parallelism, chunkEvents);
        System.out.println(IngestBenchmark.Result.header());
        results.forEach(r -> System.out.println(r.row()));
        return 0;
    }
}
