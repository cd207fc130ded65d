package io.dltrigger.pipeline.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.pipeline.table.EventTableStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainDecisionTest {
    private static NewEvents table(long total, long baseline) {
        return new NewEvents(new EventTableStats(total, Map.of("qcd", total), 1), baseline, Map.of(), "HLF v1");
    }

    @Test
    void firesOnEnoughNewEventsSinceTheModelsAndSinceTheLastRetrain() {
        RetrainDecision first = RetrainDecision.decide(table(150_000, 20_000), 100_000, null);
        assertTrue(first.fire(), first.reason());
        assertEquals(150_000L, first.cursor(), "the cursor keeps the table's size at the fire");
        assertEquals(
                "130,000 new events since the published models (trained on 20,000), at least 100,000", first.reason());

        // the retrain published nothing: the models are as old as before, but the data is the same
        RetrainDecision again = RetrainDecision.decide(table(160_000, 20_000), 100_000, 150_000L);
        assertFalse(again.fire());
        assertTrue(again.reason().contains("only 10,000 since the retrain started at 150,000"), again.reason());
        assertEquals(150_000L, again.cursor(), "a skip keeps the cursor");

        assertTrue(RetrainDecision.decide(table(250_000, 20_000), 100_000, 150_000L)
                .fire());
        RetrainDecision few = RetrainDecision.decide(table(120_000, 28_000), 100_000, null);
        assertFalse(few.fire());
        assertEquals(
                "92,000 new events since the published models (trained on 28,000), fewer than 100,000", few.reason());
    }
}
