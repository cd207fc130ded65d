package io.dltrigger.generator.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventGeneratorTest {

    @ParameterizedTest
    @EnumSource(EventClass.class)
    void sameSeedGivesIdenticalEventsAndAnotherSeedDoesNot(EventClass sample) {
        EventGenerator a = new EventGenerator(sample, 11);
        EventGenerator b = new EventGenerator(sample, 11);
        EventGenerator c = new EventGenerator(sample, 12);
        boolean anyDifferent = false;
        for (int i = 0; i < 50; i++) {
            DelphesEvent ea = a.next();
            DelphesEvent eb = b.next();
            DelphesEvent ec = c.next();
            assertEquals(i + 1, ea.number());
            for (CollectionSpec col : DelphesLayout.COLLECTIONS) {
                for (Member m : col.members()) {
                    if (m.integer()) {
                        assertArrayEquals(ea.ints(col.name(), m.name()), eb.ints(col.name(), m.name()));
                    } else {
                        assertArrayEquals(ea.floats(col.name(), m.name()), eb.floats(col.name(), m.name()));
                    }
                }
            }
            anyDifferent |= !Arrays.equals(ea.floats("EFlowTrack", "PT"), ec.floats("EFlowTrack", "PT"));
        }
        assertTrue(anyDifferent, "seed 12 reproduced seed 11");
    }

    @ParameterizedTest
    @EnumSource(EventClass.class)
    void everyEventHasTheDelphesLayoutWithPhysicalValues(EventClass sample) {
        EventGenerator g = new EventGenerator(sample, 5);
        Set<Integer> pids = Set.of(11, 13, 211, 321, 2212);
        for (int i = 0; i < 200; i++) {
            DelphesEvent e = g.next();
            for (CollectionSpec col : DelphesLayout.COLLECTIONS) {
                int n = e.size(col.name());
                for (Member m : col.members()) {
                    int len = m.integer() ? e.ints(col.name(), m.name()).length : e.floats(col.name(), m.name()).length;
                    assertEquals(n, len, col.name() + "." + m.name());
                }
            }
            assertEquals(1, e.size("MissingET"));
            assertTrue(e.floats("MissingET", "MET")[0] >= 0);
            float[] pt = e.floats("EFlowTrack", "PT");
            float[] eta = e.floats("EFlowTrack", "Eta");
            float[] phi = e.floats("EFlowTrack", "Phi");
            int[] pid = e.ints("EFlowTrack", "PID");
            float[] x = e.floats("EFlowTrack", "X");
            for (int k = 0; k < pt.length; k++) {
                assertTrue(pt[k] > 0.2f, "track pT " + pt[k]);
                assertTrue(Math.abs(eta[k]) < 2.5f, "track eta " + eta[k]);
                assertTrue(Math.abs(phi[k]) <= (float) Math.PI, "track phi " + phi[k]);
                assertTrue(pids.contains(Math.abs(pid[k])), "track PID " + pid[k]);
                assertTrue(Math.abs(x[k]) < 1000f, "track X (mm) " + x[k]);
            }
            for (String c : new String[] {"Jet", "Electron", "MuonTight"}) {
                float[] p = e.floats(c, "PT");
                for (int k = 1; k < p.length; k++) {
                    assertTrue(p[k] <= p[k - 1], c + " not sorted by PT");
                }
            }
            for (float j : e.floats("Jet", "PT")) {
                assertTrue(j >= 20f, "jet below threshold: " + j);
            }
            for (int q : e.ints("Electron", "Charge")) {
                assertTrue(q == 1 || q == -1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventClass.class)
    void everyRecoLeptonIsAlsoATrackWithItsPtAndFlavour(EventClass sample) {
        EventGenerator g = new EventGenerator(sample, 9);
        int leptons = 0;
        for (int i = 0; i < 200; i++) {
            DelphesEvent e = g.next();
            leptons += matchTracks(e, "Electron", 11) + matchTracks(e, "MuonTight", 13);
        }
        assertTrue(leptons > 50, "too few leptons: " + leptons);
    }

    private static int matchTracks(DelphesEvent e, String collection, int flavour) {
        float[] pt = e.floats(collection, "PT");
        int[] charge = e.ints(collection, "Charge");
        float[] tpt = e.floats("EFlowTrack", "PT");
        int[] pid = e.ints("EFlowTrack", "PID");
        for (int i = 0; i < pt.length; i++) {
            boolean found = false;
            for (int k = 0; k < tpt.length && !found; k++) {
                // PDG: the negative lepton has the positive code.
                found = tpt[k] == pt[i] && pid[k] == -flavour * charge[i];
            }
            assertTrue(found, collection + " " + pt[i] + " has no matching track");
        }
        return pt.length;
    }

    @ParameterizedTest
    @EnumSource(EventClass.class)
    void pileUpTracksComeFromVerticesSpreadAlongTheBeam(EventClass sample) {
        DelphesEvent e = new EventGenerator(sample, 21).next();
        float[] z = e.floats("EFlowTrack", "Z");
        float[] x = e.floats("EFlowTrack", "X");
        float[] sz = z.clone();
        Arrays.sort(sz);
        // Many distinct vertices over centimetres in z; the transverse spread of the bulk of the tracks stays
        // that of the beam spot and the vertex resolution (the median: a few b- and c-hadron decay tracks are
        // displaced by millimetres, and they dominate an RMS).
        assertTrue(sz[sz.length - 1] - sz[0] > 20f, "z range " + (sz[sz.length - 1] - sz[0]) + " mm");
        double[] ax = Arrays.stream(toDouble(x)).map(Math::abs).sorted().toArray();
        double median = ax[ax.length / 2];
        assertTrue(median < 0.1, "median transverse distance " + median + " mm");
        assertFalse(median == 0);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
