package io.dltrigger.filter.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.KeepThreshold;
import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.filter.cli.FilterCli;
import io.dltrigger.filter.testing.FilterFixture;
import io.dltrigger.filter.testing.ParquetRows;
import io.dltrigger.filter.testing.Tables;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code filter --bounded} on an event table gives every event one row, and each selected event the probabilities
 * the batch {@code score} command gives the same event (from the features stage's table) with the same model, to
 * float precision; the others are recorded as not selected, with null probabilities and not kept; {@code keep} is the
 * model's stored threshold applied to the kept classes' score.
 */
class BatchEqualityTest {
    /** Float precision: a few units in the last place of a probability (the network sums in another order when a
     * batch holds other events). */
    private static final float TOLERANCE = 1e-6f;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"HLF", "INCLUSIVE"})
    void streamScoresEqualTheBatchScores(String kind) throws Exception {
        FilterFixture f = FilterFixture.get();
        Path model = kind.equals("HLF") ? f.weakHlf() : f.inclusive();
        assertEquals(
                f.version(model),
                ModelRegistryContract.current(f.registry(), kind).orElseThrow().version());
        Path scored = dir.resolve("scored");
        int code = FilterCli.commandLine()
                .execute(
                        "filter",
                        "--input",
                        f.events().toString(),
                        "--registry",
                        f.registry().toString(),
                        "--output",
                        scored.toString(),
                        "--model",
                        kind,
                        "--bounded",
                        "--checkpoint-interval",
                        "1s",
                        "--batch-size",
                        "97");
        assertEquals(0, code);

        List<Tables.Key> events = Tables.eventKeys(f.events());
        List<Tables.ScoredRow> rows = Tables.scored(scored);
        assertEquals(events.size(), rows.size(), "every event gets a row");
        assertEquals(
                new HashSet<>(events),
                new HashSet<>(rows.stream().map(Tables.ScoredRow::key).toList()));

        Map<Tables.Key, float[]> batch = f.batchScores(model);
        KeepThreshold threshold = KeepThreshold.read(model.resolve(KeepThreshold.FILE));
        Map<String, Integer> outcomes = new HashMap<>();
        float worst = 0;
        int kept = 0;
        for (Tables.ScoredRow r : rows) {
            assertEquals(f.version(model), r.modelVersion());
            outcomes.merge(r.outcome(), 1, Integer::sum);
            float[] expected = batch.get(r.key());
            // the features stage keeps every selected event: selected here exactly when the batch scored it
            assertEquals(expected != null, r.selected(), r.key() + " " + r.outcome());
            if (!r.selected()) {
                assertFalse(r.keep(), r.key() + " is kept though not selected");
                for (Float p : r.p()) {
                    assertNull(p, r.key() + ": a probability of an event not selected");
                }
                assertTrue(List.of("empty_map", "no_lepton").contains(r.outcome()), r.outcome());
                continue;
            }
            assertEquals(ScoredTableContract.Outcome.SELECTED.label(), r.outcome());
            float[] p = new float[EventClass.COUNT];
            for (int c = 0; c < EventClass.COUNT; c++) {
                assertNotNull(r.p()[c]);
                p[c] = r.p()[c];
                worst = Math.max(worst, Math.abs(p[c] - expected[c]));
            }
            // the keep decision is the stored rule on the row's own probabilities, and on the batch's alike
            assertEquals(
                    threshold.keep(threshold.score(p, 0)), r.keep(), r.key().toString());
            if (threshold.keep(threshold.score(expected, 0)) != r.keep()) {
                assertTrue(
                        Math.abs(threshold.score(expected, 0) - threshold.threshold()) <= 2 * TOLERANCE,
                        "keep differs from the batch's away from the threshold: " + r.key());
            }
            kept += r.keep() ? 1 : 0;
        }
        assertTrue(worst <= TOLERANCE, "largest difference to the batch score: " + worst);
        assertEquals(batch.size(), outcomes.get("selected"), "every event the batch scored, selected once");
        assertTrue(outcomes.getOrDefault("no_lepton", 0) > 0, "some events fail the selection: " + outcomes);
        assertTrue(kept > 0, "some events are kept");
        // the footers: every scored chunk once, the model of the rows
        for (Path part : ParquetRows.partFiles(scored)) {
            assertEquals(
                    "[\"" + f.version(model) + "\"]", ParquetRows.footer(part).get(ScoredTableContract.MODELS_KEY));
        }
    }
}
