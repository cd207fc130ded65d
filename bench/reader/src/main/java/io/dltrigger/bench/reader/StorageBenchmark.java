package io.dltrigger.bench.reader;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.testing.XRootDServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where the bytes come from: the same files read through the same reader (ROOT -> Arrow, one thread) from
 * local disk (the anchor), from a real XRootD server on 127.0.0.1 ({@code root://}, the official client) and
 * from the same server's HTTP interface ({@code http://}, ranged GETs), in one run, passes interleaved.
 * Prints, per source, wall time (storage is waited for, so wall time is the figure), the reading thread's
 * CPU time, events/s and MB/s of ROOT file bytes.
 */
@Command(
        name = "bench-storage",
        mixinStandardHelpOptions = true,
        description = "Read the same ROOT files from local disk, XRootD and HTTP on loopback (one thread each).")
public final class StorageBenchmark implements Callable<Integer> {
    @Parameters(index = "0", description = "folder of ROOT files (served as it is by a local xrootd)")
    Path folder;

    @Option(names = "--tree", defaultValue = "Delphes")
    String tree;

    @Option(names = "--branches", split = ",", required = true, description = "branches to read")
    List<String> branches;

    @Option(names = "--chunk", defaultValue = "20000", description = "target events per chunk")
    long chunk;

    @Option(names = "--repeat", defaultValue = "3", description = "passes over all sources; the best is reported")
    int repeat;

    private record Result(double wall, double cpu, long events) {}

    @Override
    public Integer call() throws Exception {
        List<String> names;
        try (var s = Files.list(folder)) {
            names = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".root"))
                    .sorted()
                    .toList();
        }
        long bytes = 0;
        for (String n : names) {
            bytes += Files.size(folder.resolve(n));
        }
        Map<String, Result> best = new LinkedHashMap<>();
        try (XRootDServer server = XRootDServer.serving(folder)) {
            Map<String, List<String>> sources = new LinkedHashMap<>();
            sources.put(
                    "local disk",
                    names.stream().map(n -> folder.resolve(n).toString()).toList());
            sources.put(
                    "root:// (XRootD, loopback)",
                    names.stream().map(server::rootUrl).toList());
            sources.put(
                    "http:// (XRootD's HTTP, loopback)",
                    names.stream().map(server::httpUrl).toList());
            for (int pass = 0; pass < repeat; pass++) {
                for (Map.Entry<String, List<String>> e : sources.entrySet()) {
                    Result r = read(e.getValue());
                    best.merge(e.getKey(), r, (a, b) -> a.wall() <= b.wall() ? a : b);
                }
            }
        }
        double mb = bytes / 1e6;
        System.out.printf(
                "files=%d events=%d branches=%d file bytes=%.1f MB, best of %d%n",
                names.size(), best.values().iterator().next().events(), branches.size(), mb, repeat);
        Result anchor = best.get("local disk");
        for (Map.Entry<String, Result> e : best.entrySet()) {
            Result r = e.getValue();
            System.out.printf(
                    "%-34s %6.2f s wall  %6.2f s CPU  %,8.0f events/s  %6.1f MB/s  (%.0f%% of local disk)%n",
                    e.getKey(),
                    r.wall(),
                    r.cpu(),
                    r.events() / r.wall(),
                    mb / r.wall(),
                    100 * anchor.wall() / r.wall());
        }
        return 0;
    }

    private Result read(List<String> locations) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long w0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        long events = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String location : locations) {
                try (RootFile f = RootFile.open(location)) {
                    RootTree t = f.tree(tree);
                    List<String> names = new ArrayList<>(branches);
                    for (EntryRange r : t.planChunks(names, chunk)) {
                        try (VectorSchemaRoot root = t.read(names, r, allocator)) {
                            events += root.getRowCount();
                        }
                    }
                }
            }
        }
        return new Result((System.nanoTime() - w0) / 1e9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9, events);
    }
}
