package io.dltrigger.features.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bench-features}: placeholder until the generator is available. */
@Command(name = "bench-features", mixinStandardHelpOptions = true, description = "Benchmark the features job.")
public final class BenchFeaturesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
