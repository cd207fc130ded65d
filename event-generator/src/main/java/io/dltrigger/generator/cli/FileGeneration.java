package io.dltrigger.generator.cli;

import io.dltrigger.generator.physics.EventGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Generates the files of a plan, each with its own generator and seed, on a few threads. */
public final class FileGeneration {
    private final Function<Path, EventSink> sinks;
    private final int threads;

    public FileGeneration(Function<Path, EventSink> sinks, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        this.sinks = sinks;
        this.threads = threads;
    }

    /** Writes every planned file into {@code dir}; returns the paths in plan order. */
    public List<Path> run(FilePlan plan, Path dir) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (FilePlan.PlannedFile f : plan.files()) {
                futures.add(pool.submit(() -> writeFile(plan, f, dir.resolve(f.name()))));
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> f : futures) {
                written.add(f.get());
            }
            return written;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private Path writeFile(FilePlan plan, FilePlan.PlannedFile f, Path target) throws IOException {
        EventGenerator generator = new EventGenerator(plan.sample(), f.seed());
        try (EventSink sink = sinks.apply(target)) {
            for (int i = 0; i < f.events(); i++) {
                sink.write(generator.next());
            }
        }
        return target;
    }
}
