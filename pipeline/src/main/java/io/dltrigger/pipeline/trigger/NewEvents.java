package io.dltrigger.pipeline.trigger;

import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.pipeline.table.EventTableStats;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The event table against the published models: how many events it holds now, how many it held when the
 * features of the newest published model were built (the baseline; 0 before any model is published), and so
 * how many are new. "Newest" is the published model trained on the most events: the retrain DAG trains all its
 * models on one snapshot, so they share it unless one of them was not published.
 */
public record NewEvents(
        EventTableStats table, long baseline, Map<String, Long> baselinePerSample, String baselineModel) {

    public static NewEvents of(Path table, Path registry) {
        EventTableStats stats = EventTableStats.of(table);
        Optional<ModelRegistryContract.Current> newest = ModelRegistryContract.currents(registry).stream()
                .max(Comparator.comparingLong(ModelRegistryContract.Current::eventTableRows));
        return new NewEvents(
                stats,
                newest.map(ModelRegistryContract.Current::eventTableRows).orElse(0L),
                newest.map(ModelRegistryContract.Current::eventTablePerSample).orElse(Map.of()),
                newest.map(c -> c.kind() + " " + c.version()).orElse(null));
    }

    /** Events added since the baseline (0 if the table shrank, e.g. a new table). */
    public long count() {
        return Math.max(0, table.total() - baseline);
    }

    public Map<String, Long> perSample() {
        return table.newSince(baselinePerSample);
    }

    /** For messages: {@code 1,200 new events since the published models (trained on 28,000)}. */
    public String describe() {
        return baselineModel == null
                ? String.format("%,d new events (no model published yet)", count())
                : String.format("%,d new events since the published models (trained on %,d)", count(), baseline);
    }
}
