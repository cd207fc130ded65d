package io.dltrigger.bench.reader;

import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Single-threaded reader throughput on a set of files: our ROOT -> Arrow reader, and beside it the
 * bound set by decompression alone (inflate every basket of the same branches, nothing else). Prints
 * events/s and uncompressed MB/s for both, per core (one thread).
 */
@Command(
        name = "bench-reader",
        mixinStandardHelpOptions = true,
        description = "Benchmark the ROOT -> Arrow reader against the decompression-only bound (one thread).")
public final class ReaderBenchmark implements Callable<Integer> {
    @Parameters(description = "ROOT files")
    List<Path> files;

    @Option(names = "--tree", defaultValue = "Delphes")
    String tree;

    @Option(names = "--branches", split = ",", description = "branches to read (default: every supported leaf branch)")
    List<String> branches;

    @Option(names = "--chunk", defaultValue = "20000", description = "target events per chunk")
    long chunk;

    @Option(names = "--repeat", defaultValue = "3", description = "passes over all files; the best is reported")
    int repeat;

    @Override
    public Integer call() throws Exception {
        // Thread CPU time: both sides run on this one thread, and CPU time does not count the time other
        // processes on a shared machine take from it. Wall time is printed beside it.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double bestReader = Double.MAX_VALUE;
        double bestBound = Double.MAX_VALUE;
        double wallReader = 0;
        double wallBound = 0;
        long events = 0;
        long bytes = 0;
        for (int pass = 0; pass < repeat; pass++) {
            long w0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            long readEvents = readAll();
            double c = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            if (c < bestReader) {
                bestReader = c;
                wallReader = (System.nanoTime() - w0) / 1e9;
            }
            events = readEvents;
            long w1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            bytes = DecompressionBound.inflateAll(files, tree, selected(files.get(0)));
            c = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
            if (c < bestBound) {
                bestBound = c;
                wallBound = (System.nanoTime() - w1) / 1e9;
            }
        }
        double mb = bytes / 1e6;
        System.out.printf(
                "files=%d events=%d branches=%d uncompressed=%.1f MB%n",
                files.size(), events, selected(files.get(0)).size(), mb);
        System.out.printf(
                "reader (ROOT -> Arrow, 1 thread):  %.2f s CPU (%.2f s wall)  %,.0f events/s per core  %.1f MB/s per core%n",
                bestReader, wallReader, events / bestReader, mb / bestReader);
        System.out.printf(
                "decompression bound (1 thread):    %.2f s CPU (%.2f s wall)  %,.0f events/s per core  %.1f MB/s per core%n",
                bestBound, wallBound, events / bestBound, mb / bestBound);
        System.out.printf("reader / bound: %.0f%%%n", 100 * bestBound / bestReader);
        return 0;
    }

    private List<String> selected(Path file) throws Exception {
        if (branches != null) {
            return branches;
        }
        try (RootFile f = RootFile.open(file.toString())) {
            return f.tree(tree).branches().stream()
                    .filter(BranchInfo::supported)
                    .map(BranchInfo::name)
                    .toList();
        }
    }

    private long readAll() throws Exception {
        long events = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Path p : files) {
                try (RootFile f = RootFile.open(p.toString())) {
                    RootTree t = f.tree(tree);
                    List<String> names = new ArrayList<>(selected(p));
                    for (EntryRange r : t.planChunks(names, chunk)) {
                        try (VectorSchemaRoot root = t.read(names, r, allocator)) {
                            events += root.getRowCount();
                        }
                    }
                }
            }
        }
        return events;
    }
}
