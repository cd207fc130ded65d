package io.dltrigger.bench.filter;

import com.sun.management.OperatingSystemMXBean;
import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.contract.ScoresContract;
import io.dltrigger.filter.config.FilterConfig;
import io.dltrigger.filter.config.FilterSettings;
import io.dltrigger.filter.job.FilterJob;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.registry.ModelDir;
import io.dltrigger.training.score.Scorer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Per model kind, in one JVM and one run: the batch {@code score} command's scoring (its own code,
 * {@link Scorer#score}) of the features table's train/ and test/ (every selected event, kept whole by {@code
 * features --no-balance}), then the filter job, bounded, at parallelism 1, on the event table those features came
 * from (every event: the selection, the features kernel, the scaler and the network). Each path's figure is events per
 * CPU-second of this process (all its threads: Flink's too), with one ND4J thread; the best of {@code --repeat} runs.
 */
@Command(
        name = "bench-filter",
        mixinStandardHelpOptions = true,
        description = "Events scored per CPU-second: the stream filter beside the batch score command.")
final class BenchFilterCommand implements Callable<Integer> {
    @Option(names = "--events", required = true, description = "the event table")
    Path events;

    @Option(names = "--features", required = true, description = "features of that table (--no-balance)")
    Path features;

    @Option(names = "--registry", required = true, description = "registry with published HLF and INCLUSIVE models")
    Path registry;

    @Option(names = "--work", required = true, description = "scratch folder for the outputs")
    Path work;

    @Option(names = "--kinds", split = ",", defaultValue = "HLF,INCLUSIVE")
    List<String> kinds;

    @Option(names = "--repeat", defaultValue = "2", description = "runs of each path; the best counts")
    int repeat;

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One measured run: events handled, of which selected (scored by the network), wall and CPU seconds. */
    private record Run(long events, long selected, double wall, double cpu) {}

    @Override
    public Integer call() throws Exception {
        Nd4j.getEnvironment().setMaxThreads(1);
        System.out.printf(
                "%-9s %-7s %9s %9s %8s %8s %12s %14s%n",
                "model", "path", "events", "selected", "wall s", "cpu s", "events/cpu-s", "selected/cpu-s");
        for (String kind : kinds) {
            String version = ModelRegistryContract.current(registry, kind)
                    .orElseThrow(() -> new IllegalArgumentException("no published " + kind + " model in " + registry))
                    .version();
            ModelDir model = new ModelDir(
                    registry.resolve(ModelRegistryContract.MODELS_DIR).resolve(version));
            Run batch = null;
            Run stream = null;
            for (int i = 0; i < repeat; i++) {
                batch = best(batch, batch(model, i));
                stream = best(stream, stream(kind, i));
            }
            print(kind, "score", batch);
            print(kind, "filter", stream);
        }
        return 0;
    }

    private Run batch(ModelDir model, int run) throws Exception {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        var net = model.network();
        long n = 0;
        for (String split : List.of("train", "test")) {
            n += Scorer.score(
                    net,
                    model.kind(),
                    FeatureDataset.open(features.resolve(split).toString()),
                    work.resolve("score-" + model.kind() + "-" + run + "-" + split));
        }
        return new Run(n, n, (System.nanoTime() - t0) / 1e9, (OS.getProcessCpuTime() - cpu0) / 1e9);
    }

    private Run stream(String kind, int run) throws Exception {
        Path out = work.resolve("scored-" + kind + "-" + run);
        FilterSettings s = new FilterSettings();
        s.input = List.of(events.toString());
        s.output = out.toString();
        s.registry = registry.toString();
        s.model = kind;
        s.bounded = true;
        s.parallelism = 1;
        FilterConfig config = s.toConfig();
        String version =
                ModelRegistryContract.current(registry, kind).orElseThrow().version();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        StreamExecutionEnvironment env = FilterJob.environment(config);
        FilterJob.build(env, config, version);
        env.execute(FilterJob.jobName(config));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
        long rows = 0;
        long selected = 0;
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")
                            && !f.toString().contains("/_"))
                    .toList()) {
                try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
                    rows += r.getRecordCount();
                    selected += selectedRows(r);
                }
            }
        }
        return new Run(rows, selected, wall, cpu);
    }

    /** Selected rows of a scored part file: those whose p_qcd is not null, from the column statistics. */
    private static long selectedRows(ParquetFileReader r) {
        long nulls = 0;
        for (var block : r.getFooter().getBlocks()) {
            for (var column : block.getColumns()) {
                if (column.getPath().toDotString().equals(ScoresContract.probability(EventClass.QCD))) {
                    nulls += column.getStatistics().getNumNulls();
                }
            }
        }
        return r.getRecordCount() - nulls;
    }

    private static Run best(Run a, Run b) {
        return a == null || b.cpu() < a.cpu() ? b : a;
    }

    private static void print(String kind, String path, Run r) {
        System.out.printf(
                Locale.ROOT,
                "%-9s %-7s %9d %9d %8.2f %8.2f %12.0f %14.0f%n",
                kind,
                path,
                r.events(),
                r.selected(),
                r.wall(),
                r.cpu(),
                r.events() / r.cpu(),
                r.selected() / r.cpu());
    }
}
