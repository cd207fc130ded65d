package io.dltrigger.features.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.features.config.Cuts;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import io.dltrigger.features.testing.EventBuilder;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.physics.EventGenerator;
import io.dltrigger.generator.validation.HighLevelFeatures;
import io.dltrigger.generator.validation.TriggerSelection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The selection and HLF agree with the event generator's validation code, an implementation of
 * PHYSICS.md written independently (plain double loops over DelphesEvent), event by event, for both
 * lepton choices.
 */
class IndependentSelectionTest {
    @Test
    void agreesWithTheGeneratorsIndependentSelection() {
        check(LeptonChoice.PT, TriggerSelection.Tiebreak.LARGER_PT);
        check(LeptonChoice.ETA, TriggerSelection.Tiebreak.LARGER_ETA);
    }

    private static void check(LeptonChoice choice, TriggerSelection.Tiebreak tiebreak) {
        EventProcessor ours =
                new EventProcessor(Cuts.REFERENCE, choice, MtForm.SQUARED, ParticleOrder.AS_READ, ConeSum.Kind.BINNED);
        TriggerSelection theirs = new TriggerSelection(tiebreak);
        EventBuffer buffer = new EventBuffer();
        int selected = 0;
        for (EventClass sample : EventClass.values()) {
            EventGenerator gen = new EventGenerator(sample, 31 + sample.ordinal());
            for (int i = 0; i < 300; i++) {
                DelphesEvent e = gen.next();
                Optional<HighLevelFeatures> want = theirs.apply(e);
                EventProcessor.Outcome got = ours.process(EventBuilder.toBuffer(e, buffer));
                String what = choice + " " + sample + " event " + i;
                assertEquals(want.isPresent(), got == EventProcessor.Outcome.SELECTED, what);
                if (want.isEmpty()) {
                    continue;
                }
                selected++;
                double[] w = want.get().toArray();
                for (int k = 0; k < Features.N_HLF; k++) {
                    assertEquals(
                            w[k], ours.hlf()[k], 1e-5 * Math.max(1, Math.abs(w[k])), what + " " + Features.HLF.get(k));
                }
            }
        }
        assertTrue(selected > 200, selected + " selected");
    }
}
