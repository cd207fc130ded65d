package io.dltrigger.engine.launch;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** What a prepared try asks of the engine's threads. */
public sealed interface Work {

    /** Runs on a worker thread until the try ends. */
    record Blocking(Callable<Outcome> run) implements Work {}

    /**
     * Holds no worker: a timer thread calls {@code poke} every {@code interval} until it returns how the try
     * ended (a sensor, in Airflow's "reschedule" mode).
     */
    record Polling(Duration interval, Supplier<Optional<Outcome>> poke) implements Work {}
}
