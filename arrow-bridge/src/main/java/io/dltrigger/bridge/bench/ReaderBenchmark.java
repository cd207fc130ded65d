package io.dltrigger.bridge.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench-reader", mixinStandardHelpOptions = true, description = "ROOT reader benchmark")
public final class ReaderBenchmark implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("written next");
    }
}
