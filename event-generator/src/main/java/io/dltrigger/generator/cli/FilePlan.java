package io.dltrigger.generator.cli;

import io.dltrigger.contract.EventClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a run of N events is cut into files of K events, and each file's own seed, derived from (run seed,
 * sample, file index) only: any file can be regenerated alone, or all of them in parallel, with the same
 * content as in a sequential run.
 */
public record FilePlan(EventClass sample, long seed, List<PlannedFile> files) {

    /** One output file: its index in the run, its name, its generator seed and its number of events. */
    public record PlannedFile(int index, String name, long seed, int events) {}

    public static FilePlan of(EventClass sample, long events, int eventsPerFile, long seed) {
        if (events <= 0) {
            throw new IllegalArgumentException("--events must be positive, got " + events);
        }
        if (eventsPerFile <= 0) {
            throw new IllegalArgumentException("--events-per-file must be positive, got " + eventsPerFile);
        }
        long count = (events + eventsPerFile - 1) / eventsPerFile;
        if (count > 9999) {
            throw new IllegalArgumentException(count + " files (" + events + " events, " + eventsPerFile
                    + " per file) exceed the 4-digit file index; raise --events-per-file");
        }
        List<PlannedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = (int) Math.min(eventsPerFile, events - (long) i * eventsPerFile);
            files.add(new PlannedFile(i, fileName(sample, seed, i), fileSeed(seed, sample, i), n));
        }
        return new FilePlan(sample, seed, List.copyOf(files));
    }

    /** SAMPLE_seedS_NNNN.root, e.g. ttbar_seed42_0003.root. */
    public static String fileName(EventClass sample, long seed, int index) {
        return String.format(Locale.ROOT, "%s_seed%d_%04d.root", sample.id(), seed, index);
    }

    /** SplitMix64's finaliser over (seed, sample, index): neighbouring inputs give unrelated seeds. */
    public static long fileSeed(long seed, EventClass sample, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (sample.label() + 1L) * 0xBF58476D1CE4E5B9L + index + 1L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
