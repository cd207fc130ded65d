package io.dltrigger.features.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.features.config.Cuts;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import io.dltrigger.features.testing.EventBuilder;
import io.dltrigger.generator.physics.EventGenerator;
import org.junit.jupiter.api.Test;

/**
 * The binned isolation gives the plain double loop's numbers on 1,000 generated events: the same
 * selection decision, HLF and every value of the particle list, to 1e-6.
 */
class IsolationEqualityTest {
    @Test
    void binnedIsolationEqualsDoubleLoopOnGeneratedEvents() {
        EventProcessor fast = new EventProcessor(
                Cuts.REFERENCE, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ, ConeSum.Kind.BINNED);
        EventProcessor plain = new EventProcessor(
                Cuts.REFERENCE, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ, ConeSum.Kind.PAIRWISE);
        EventBuffer buffer = new EventBuffer();
        int selected = 0;
        long values = 0;
        for (EventClass sample : EventClass.values()) {
            EventGenerator gen = new EventGenerator(sample, 11 + sample.ordinal());
            for (int i = 0; i < (sample == EventClass.QCD ? 334 : 333); i++) {
                EventBuilder.toBuffer(gen.next(), buffer);
                EventProcessor.Outcome a = fast.process(buffer);
                EventProcessor.Outcome b = plain.process(buffer);
                assertEquals(b, a, sample + " event " + i);
                if (a != EventProcessor.Outcome.SELECTED) {
                    continue;
                }
                selected++;
                assertEquals(plain.rows(), fast.rows());
                for (int k = 0; k < Features.N_HLF; k++) {
                    assertClose(plain.hlf()[k], fast.hlf()[k], sample + " event " + i + " " + Features.HLF.get(k));
                }
                for (int v = 0; v < plain.rows() * Features.N_PARTICLE; v++) {
                    assertClose(plain.particles()[v], fast.particles()[v], sample + " event " + i + " value " + v);
                    values++;
                }
            }
        }
        assertTrue(selected > 300, "only " + selected + " events selected: the comparison would prove little");
        assertTrue(values > 1_000_000, values + " values compared");
    }

    private static void assertClose(float want, float got, String what) {
        assertEquals(want, got, 1e-6 * Math.max(1, Math.abs(want)), what);
    }
}
