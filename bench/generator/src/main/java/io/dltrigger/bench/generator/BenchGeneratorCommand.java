package io.dltrigger.bench.generator;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.physics.EventGenerator;
import io.dltrigger.generator.rootio.DelphesRootWriter;
import io.dltrigger.generator.rootio.WriterOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * In-memory generation speed per class, per core: events per second of this thread's CPU time (so that
 * other load on the machine does not count), next to the particle-gun anchor of the same multiplicities;
 * optionally the same with ROOT writing, in MB/s per core.
 */
@Command(
        name = "bench-generator",
        mixinStandardHelpOptions = true,
        description = "Measure in-memory event generation, events/s per core, against a particle-gun anchor.")
public final class BenchGeneratorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--events",
            defaultValue = "50000",
            description = "measured events per class (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--write-dir",
            description =
                    "also generate and write each class's events as one ROOT file " + "here, and report MB/s per core")
    Path writeDir;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long checksum;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("| class | events | CPU s | events/s per core | anchor (particle gun) events/s per core "
                + "| generator / anchor | wall events/s |");
        out.println("|---|---|---|---|---|---|---|");
        for (EventClass s : EventClass.values()) {
            EventGenerator warm = new EventGenerator(s, seed + 1000);
            int[] sizes = new int[DelphesLayout.COLLECTIONS.size()];
            int warmEvents = Math.max(1000, events / 5);
            for (int i = 0; i < warmEvents; i++) {
                DelphesEvent e = warm.next();
                for (int k = 0; k < sizes.length; k++) {
                    sizes[k] += e.size(DelphesLayout.COLLECTIONS.get(k).name());
                }
            }
            for (int k = 0; k < sizes.length; k++) {
                sizes[k] = Math.round(sizes[k] / (float) warmEvents);
            }
            EventGenerator generator = new EventGenerator(s, seed);
            ParticleGun gun = new ParticleGun(seed, sizes);
            measure(gun::next, warmEvents);
            long wall0 = System.nanoTime();
            double cpu = measure(generator::next, events);
            double wall = (System.nanoTime() - wall0) / 1e9;
            double anchor = measure(gun::next, events);
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.0f | %.0f | %.2f | %.0f |%n",
                    s.id(),
                    events,
                    cpu,
                    events / cpu,
                    events / anchor,
                    anchor / cpu,
                    events / wall);
            out.flush();
        }
        if (writeDir != null) {
            writeFiles(out);
        }
        // Printed so that the JIT cannot drop the generated events as unused.
        out.printf(Locale.ROOT, "checksum %d%n", checksum);
        return 0;
    }

    /** Generation plus ROOT writing (zlib) through the writer, one thread, default writer options. */
    private void writeFiles(PrintWriter out) throws IOException {
        Files.createDirectories(writeDir);
        out.println();
        out.println("| class | events | file MB | CPU s | MB/s per core | events/s per core (generate + write) |");
        out.println("|---|---|---|---|---|---|");
        for (EventClass s : EventClass.values()) {
            Path file = writeDir.resolve(s.id() + "_seed" + seed + "_bench.root");
            EventGenerator generator = new EventGenerator(s, seed);
            long t0 = threads.getCurrentThreadCpuTime();
            try (DelphesRootWriter w = new DelphesRootWriter(file, WriterOptions.defaults())) {
                for (int i = 0; i < events; i++) {
                    w.write(generator.next());
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
            double mb = Files.size(file) / 1e6;
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.2f | %.1f | %.0f |%n",
                    s.id(),
                    events,
                    mb,
                    cpu,
                    mb / cpu,
                    events / cpu);
            out.flush();
        }
    }

    /** CPU seconds of this thread to produce n events. */
    private double measure(Supplier<DelphesEvent> source, int n) {
        long t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            checksum += source.get().size("EFlowTrack");
        }
        return (threads.getCurrentThreadCpuTime() - t0) / 1e9;
    }
}
