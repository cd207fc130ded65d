package io.dltrigger.features.physics;

import static io.dltrigger.features.physics.Features.N_PARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.features.config.Cuts;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import io.dltrigger.features.physics.EventProcessor.Outcome;
import io.dltrigger.features.testing.EventBuilder;
import org.junit.jupiter.api.Test;

/** Every selection and feature rule at its edges, on hand-built events. */
class EventProcessorTest {
    private static final double EPS = 1e-4;

    private static EventProcessor processor() {
        return processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ);
    }

    private static EventProcessor processor(LeptonChoice choice, MtForm mt, ParticleOrder order) {
        return processor(Cuts.REFERENCE, choice, mt, order);
    }

    private static EventProcessor processor(Cuts cuts, LeptonChoice choice, MtForm mt, ParticleOrder order) {
        return new EventProcessor(cuts, choice, mt, order, ConeSum.Kind.BINNED);
    }

    /** An event with an electron at (pt, 0, 0) and its own track. */
    private static EventBuilder electronEvent(double pt) {
        return EventBuilder.withMaps().electron(pt, 0, 0, -1).track(pt, 0, 0);
    }

    @Test
    void leptonPtCutIsStrictlyAbove23() {
        assertEquals(Outcome.NO_LEPTON, processor().process(electronEvent(23).buffer()));
        EventProcessor p = processor();
        assertEquals(Outcome.SELECTED, p.process(electronEvent(23.01).buffer()));
        assertEquals(23.01f, p.hlf()[Features.LEP_PT], EPS);
    }

    @Test
    void combinedIsolationMustBeBelowCut() {
        EventProcessor p = processor();
        assertEquals(
                Outcome.SELECTED,
                p.process(electronEvent(100).photon(44.9, 0.1, 0).buffer()));
        assertEquals(0.449, p.hlf()[Features.LEP_ISO_GAMMA], EPS);
        assertEquals(0.0, p.hlf()[Features.LEP_ISO_CH], EPS, "the lepton's own track is subtracted");
        assertEquals(
                Outcome.NO_LEPTON,
                processor().process(electronEvent(100).photon(45.1, 0.1, 0).buffer()));
        // The three isolations add up: 0.2 + 0.2 + 0.051 fails, 0.2 + 0.2 + 0.049 passes.
        assertEquals(
                Outcome.NO_LEPTON,
                processor()
                        .process(electronEvent(100)
                                .photon(20, 0.2, 0)
                                .neutral(20, 0, 0.2)
                                .track(5.1, -0.2, 0)
                                .buffer()));
        assertEquals(
                Outcome.SELECTED,
                p.process(electronEvent(100)
                        .photon(20, 0.2, 0)
                        .neutral(20, 0, 0.2)
                        .track(4.9, -0.2, 0)
                        .buffer()));
        assertEquals(0.049, p.hlf()[Features.LEP_ISO_CH], EPS);
        assertEquals(0.2, p.hlf()[Features.LEP_ISO_NEU], EPS);
        // Just outside the cone (Delta R 0.301) nothing counts.
        assertEquals(
                Outcome.SELECTED,
                p.process(electronEvent(100).photon(500, 0.301, 0).buffer()));
    }

    @Test
    void deltaRWrapsAroundInPhi() {
        // phi 3.1 and -3.1 are 0.083 apart: the photon is inside the cone and spoils the isolation.
        EventBuilder inside = EventBuilder.withMaps()
                .electron(100, 0, 3.1, 1)
                .track(100, 0, 3.1)
                .photon(50, 0, -3.1);
        assertEquals(Outcome.NO_LEPTON, processor().process(inside.buffer()));
        EventBuilder outside = EventBuilder.withMaps()
                .electron(100, 0, 3.1, 1)
                .track(100, 0, 3.1)
                .photon(50, 0, -2.7);
        assertEquals(Outcome.SELECTED, processor().process(outside.buffer()));
    }

    @Test
    void firstIsolatedLeptonOfEachFlavourAndTheChoiceBetweenThem() {
        EventBuilder both = EventBuilder.withMaps()
                .electron(50, 0.5, 0, -1)
                .track(50, 0.5, 0)
                .muon(40, 1.5, 1, 1)
                .track(40, 1.5, 1);
        EventProcessor byPt = processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ);
        assertEquals(Outcome.SELECTED, byPt.process(both.buffer()));
        assertEquals(1f, byPt.hlf()[Features.LEP_IS_ELE]);
        assertEquals(50f, byPt.hlf()[Features.LEP_PT], EPS);
        assertEquals(-1f, byPt.hlf()[Features.LEP_CHARGE]);

        EventProcessor byEta = processor(LeptonChoice.ETA, MtForm.SQUARED, ParticleOrder.AS_READ);
        assertEquals(Outcome.SELECTED, byEta.process(both.buffer()));
        assertEquals(0f, byEta.hlf()[Features.LEP_IS_ELE]);
        assertEquals(40f, byEta.hlf()[Features.LEP_PT], EPS);
        assertEquals(1.5f, byEta.hlf()[Features.LEP_ETA], EPS);
        assertEquals(1f, byEta.hlf()[Features.LEP_CHARGE]);
        assertEquals(1f, byEta.particles()[Features.IS_MU]);

        // The first electron is not isolated: the second one is the lepton.
        EventBuilder second = EventBuilder.withMaps()
                .electron(80, 0, 0, 1)
                .track(80, 0, 0)
                .photon(60, 0, 0.1)
                .electron(30, 2, -2, -1)
                .track(30, 2, -2);
        EventProcessor p = processor();
        assertEquals(Outcome.SELECTED, p.process(second.buffer()));
        assertEquals(30f, p.hlf()[Features.LEP_PT], EPS);
        assertEquals(-1f, p.hlf()[Features.LEP_CHARGE]);
    }

    @Test
    void jetsCountAbovePtAndWithinEtaWithBTags() {
        // Values are float32 compared with the double cut, as in the reference: 2.6f (2.5999999) is inside,
        // so the eta edge is probed just above it.
        EventBuilder e = electronEvent(50)
                .jet(30, 0, 0, 0)
                .jet(30.5, 0, 1, 1)
                .jet(50, 2.6001, 0, 1)
                .jet(40, -2.59, 0, 0)
                .jet(60, 2.59, 2, 2)
                .jet(70, -2.61, 0, 1);
        EventProcessor p = processor();
        assertEquals(Outcome.SELECTED, p.process(e.buffer()));
        assertEquals(3f, p.hlf()[Features.N_JETS]);
        assertEquals(2f, p.hlf()[Features.N_BJETS]);
        assertEquals(130.5f, p.hlf()[Features.HT], EPS);
    }

    @Test
    void metAndMtInBothForms() {
        EventBuilder e = EventBuilder.withMaps()
                .electron(40, 0, Math.PI / 2, 1)
                .track(40, 0, Math.PI / 2)
                .met(50, 0);
        EventProcessor squared = processor();
        assertEquals(Outcome.SELECTED, squared.process(e.buffer()));
        assertEquals(50f, squared.hlf()[Features.MET], EPS);
        assertEquals(0f, squared.hlf()[Features.PHI_MET], EPS);
        assertEquals(4000.0, squared.hlf()[Features.MT], 1e-2, "2 MET pT (1 - cos dphi), no square root");
        EventProcessor mt = processor(LeptonChoice.PT, MtForm.TRANSVERSE_MASS, ParticleOrder.AS_READ);
        mt.process(e.buffer());
        assertEquals(Math.sqrt(4000), mt.hlf()[Features.MT], 1e-3);
        // Back to back: MT^2 = 4 MET pT.
        squared.process(EventBuilder.withMaps()
                .electron(40, 0, 3, 1)
                .track(40, 0, 3)
                .met(50, 3 - Math.PI)
                .buffer());
        assertEquals(8000.0, squared.hlf()[Features.MT], 1e-1);
    }

    @Test
    void blocksAreCutTruncatedAndCompacted() {
        EventBuilder e =
                EventBuilder.empty().electron(50, 0, 0, -1).track(50, 0, 0).met(10, 0);
        for (int i = 0; i < 500; i++) {
            e.track(1 + i * 0.001, 2 + i * 0.001, 1);
        }
        e.track(0.5, -1, -1);
        for (int i = 0; i < 200; i++) {
            e.photon(2 + i, -2, 2);
        }
        e.photon(1, -1, -2);
        for (int i = 0; i < 250; i++) {
            e.neutral(3 + i, -3, -1);
        }
        EventProcessor p = processor();
        assertEquals(Outcome.SELECTED, p.process(e.buffer()));
        assertEquals(801, p.rows());
        float[] rows = p.particles();
        assertEquals(1f, rows[Features.IS_ELE]);
        // Row 1: the first track after the lepton's own (excluded, Delta R 0); row 450: the 450th such track.
        assertEquals(1f, rows[N_PARTICLE + Features.PT], EPS);
        assertEquals(1 + 449 * 0.001, rows[450 * N_PARTICLE + Features.PT], EPS);
        assertEquals(1f, rows[450 * N_PARTICLE + Features.IS_CH_HAD]);
        assertEquals(2f, rows[451 * N_PARTICLE + Features.PT], EPS);
        assertEquals(1f, rows[451 * N_PARTICLE + Features.IS_GAMMA]);
        assertEquals(2 + 149, rows[600 * N_PARTICLE + Features.PT], EPS);
        assertEquals(3f, rows[601 * N_PARTICLE + Features.PT], EPS);
        assertEquals(1f, rows[800 * N_PARTICLE + Features.IS_NEU_HAD]);
        assertEquals(3 + 199, rows[800 * N_PARTICLE + Features.PT], EPS);

        // Few objects: the blocks are packed one after the other, no gaps; cut values stay out.
        EventBuilder small = EventBuilder.empty()
                .electron(50, 0, 0, -1)
                .track(50, 0, 0)
                .met(10, 0)
                .track(2, 1, 1)
                .track(0.5, 1, 1)
                .track(0.6, 1, 1)
                .photon(1, 1, 1)
                .photon(1.5, 1, 1)
                .neutral(2, 1, 1);
        assertEquals(Outcome.SELECTED, p.process(small.buffer()));
        assertEquals(1 + 2 + 1 + 1, p.rows());
        assertEquals(0.6f, rows[2 * N_PARTICLE + Features.PT], EPS);
        assertEquals(1.5f, rows[3 * N_PARTICLE + Features.PT], EPS);
        assertEquals(1f, rows[4 * N_PARTICLE + Features.IS_NEU_HAD]);
    }

    @Test
    void anEmptyMapDropsTheEvent() {
        EventBuilder noTracks = EventBuilder.empty()
                .electron(50, 0, 0, 1)
                .track(0.5, 0, 0)
                .photon(2, 1, 1)
                .neutral(2, 1, 1);
        assertEquals(Outcome.EMPTY_MAP, processor().process(noTracks.buffer()));
        EventBuilder noPhotons = EventBuilder.empty()
                .electron(50, 0, 0, 1)
                .track(50, 0, 0)
                .photon(1, 1, 1)
                .neutral(2, 1, 1);
        assertEquals(Outcome.EMPTY_MAP, processor().process(noPhotons.buffer()));
        EventBuilder noNeutrals =
                EventBuilder.empty().electron(50, 0, 0, 1).track(50, 0, 0).photon(2, 1, 1);
        assertEquals(Outcome.EMPTY_MAP, processor().process(noNeutrals.buffer()));
        EventBuilder all = noNeutrals.neutral(1.01, 1, 1);
        assertEquals(Outcome.SELECTED, processor().process(all.buffer()));
    }

    @Test
    void particleRowsHoldFourVectorVertexIsolationsFlagsAndCharge() {
        EventBuilder e = EventBuilder.empty()
                .muon(30, 0, 0, 1)
                .track(30, 0, 0)
                .met(10, 0)
                .track(10, 0.5, 1, -211, 0.1, 0.2, 3)
                .track(5, 0.6, 1.1, 11, 0, 0, 0)
                .photon(4, 0.55, 1.05)
                .neutral(8, -2, -2);
        EventProcessor p = processor();
        assertEquals(Outcome.SELECTED, p.process(e.buffer()));
        float[] r = p.particles();
        int t = N_PARTICLE;
        assertEquals(10 * Math.cosh(0.5), r[t + Features.ENERGY], EPS);
        assertEquals(10 * Math.cos(1), r[t + Features.PX], EPS);
        assertEquals(10 * Math.sin(1), r[t + Features.PY], EPS);
        assertEquals(10 * Math.sinh(0.5), r[t + Features.PZ], EPS);
        assertEquals(0.1f, r[t + Features.VTX_X], EPS);
        assertEquals(3f, r[t + Features.VTX_Z], EPS);
        assertEquals(-1f, r[t + Features.CHARGE]);
        assertEquals(1f, r[t + Features.IS_CH_HAD]);
        // Tracks within 0.3: itself (10) and the other (5), minus itself: 15/10 - 1.
        assertEquals(0.5, r[t + Features.CH_ISO], EPS);
        assertEquals(0.4, r[t + Features.GAMMA_ISO], EPS);
        assertEquals(0f, r[t + Features.NEU_ISO], EPS);
        assertEquals(1f, r[2 * t + Features.CHARGE], "sign of PID 11");
        int photon = 3 * t;
        assertEquals(1f, r[photon + Features.IS_GAMMA]);
        assertEquals(0f, r[photon + Features.CHARGE]);
        assertEquals(0f, r[photon + Features.VTX_Z]);
        assertEquals(15.0 / 4, r[photon + Features.CH_ISO], EPS, "neutral particles subtract nothing");
        assertEquals(1f, r[photon + Features.GAMMA_ISO], EPS);
        int neutral = 4 * t;
        assertEquals(1f, r[neutral + Features.IS_NEU_HAD]);
        assertEquals(1f, r[neutral + Features.NEU_ISO], EPS);
        // The lepton row carries the same isolations as the HLF.
        assertEquals(p.hlf()[Features.LEP_ISO_CH], r[Features.CH_ISO]);
        assertEquals(1f, r[Features.IS_MU]);
        assertEquals(1f, r[Features.CHARGE]);
        assertEquals(5, p.rows());
    }

    @Test
    void theHardestOrderKeepsTheHardestParticlesAndFeedsThemClosestLast() {
        Cuts four = new Cuts(23, 0.45, 0.3, 0.5, 1, 1, 1e-4, 30, 2.6, 450, 150, 200, 4);
        EventProcessor cut =
                processor(four, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST);
        assertEquals(Outcome.SELECTED, cut.process(ringOfDifferentHardness().buffer()));
        // pT 9 (Delta R 2.0), 5 (1.0) and 4 (0.6) are kept; 1 (0.5) and 3 (0.7) are the softest and dropped
        assertRows(cut, 3, 2.0f, 1.0f, 0.6f);
        assertEquals(5f, cut.particles()[N_PARTICLE + Features.PT], EPS);
        EventProcessor whole =
                processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST);
        assertEquals(Outcome.SELECTED, whole.process(ringOfDifferentHardness().buffer()));
        assertRows(whole, 5, 2.0f, 1.0f, 0.7f, 0.6f, 0.5f);
    }

    /** A lepton at (0, 0) and, in file order, particles at Delta R 2.0, 0.5, 1.0 (tracks), 0.7 (photon), 0.6. */
    private static EventBuilder ringAroundTheLepton() {
        return ring(2, 2, 2, 2, 2);
    }

    /** As {@link #ringAroundTheLepton} with pT (ET) 9, 1, 5 (tracks), 3 (photon) and 4 (neutral hadron). */
    private static EventBuilder ringOfDifferentHardness() {
        return ring(9, 1, 5, 3, 4);
    }

    /** The ring of particles around a lepton at (0, 0), with the given pT or ET in file order. */
    private static EventBuilder ring(double pt1, double pt2, double pt3, double photonEt, double neutralEt) {
        return EventBuilder.empty()
                .electron(30, 0, 0, 1)
                .track(30, 0, 0)
                .met(10, 0)
                .track(pt1, 2.0, 0)
                .track(pt2, 0.5, 0)
                .track(pt3, 1.0, 0)
                .photon(photonEt, 0.7, 0)
                .neutral(neutralEt, 0, 0.6);
    }

    /** Delta R of each real row to the lepton at (0, 0), and which rows hold the lepton. */
    private static void assertRows(EventProcessor p, int leptonRow, float... deltaR) {
        assertEquals(deltaR.length + 1, p.rows());
        float[] r = p.particles();
        assertEquals(1f, r[leptonRow * N_PARTICLE + Features.IS_ELE], "lepton row " + leptonRow);
        for (int row = 0, k = 0; row < p.rows(); row++) {
            if (row == leptonRow) {
                continue;
            }
            float eta = r[row * N_PARTICLE + Features.ETA];
            float phi = r[row * N_PARTICLE + Features.PHI];
            assertEquals(0f, r[row * N_PARTICLE + Features.IS_ELE], "row " + row);
            assertEquals(deltaR[k++], (float) Math.hypot(eta, phi), EPS, "row " + row);
        }
    }

    @Test
    void asReadKeepsTheLeptonFirstThenTheBlocksInFileOrder() {
        EventProcessor p = processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ);
        assertEquals(Outcome.SELECTED, p.process(ringAroundTheLepton().buffer()));
        assertRows(p, 0, 2.0f, 0.5f, 1.0f, 0.7f, 0.6f);
    }

    @Test
    void deltaRAscendingPutsTheClosestRightAfterTheLepton() {
        EventProcessor p = processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.DELTA_R_ASCENDING);
        assertEquals(Outcome.SELECTED, p.process(ringAroundTheLepton().buffer()));
        assertRows(p, 0, 0.5f, 0.6f, 0.7f, 1.0f, 2.0f);
        assertEquals(1f, p.particles()[2 * N_PARTICLE + Features.IS_NEU_HAD]);
    }

    @Test
    void theReferenceOrderFeedsTheClosestLastWithTheLeptonAsTheLastRealRow() {
        EventProcessor p = processor(LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST);
        assertEquals(Outcome.SELECTED, p.process(ringAroundTheLepton().buffer()));
        assertRows(p, 5, 2.0f, 1.0f, 0.7f, 0.6f, 0.5f);
        assertEquals(1f, p.particles()[3 * N_PARTICLE + Features.IS_NEU_HAD]);
        // the lepton row keeps its own isolation and charge wherever it goes
        assertEquals(p.hlf()[Features.LEP_ISO_CH], p.particles()[5 * N_PARTICLE + Features.CH_ISO]);
        assertEquals(1f, p.particles()[5 * N_PARTICLE + Features.CHARGE]);
    }

    @Test
    void maxParticlesKeepsTheLeptonAndTheClosestParticlesInEveryOrder() {
        Cuts four = new Cuts(23, 0.45, 0.3, 0.5, 1, 1, 1e-4, 30, 2.6, 450, 150, 200, 4);
        EventProcessor asRead = processor(four, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ);
        assertEquals(Outcome.SELECTED, asRead.process(ringAroundTheLepton().buffer()));
        assertRows(asRead, 0, 0.5f, 0.7f, 0.6f);
        EventProcessor last =
                processor(four, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST);
        assertEquals(Outcome.SELECTED, last.process(ringAroundTheLepton().buffer()));
        assertRows(last, 3, 0.7f, 0.6f, 0.5f);
        EventProcessor one = processor(
                new Cuts(23, 0.45, 0.3, 0.5, 1, 1, 1e-4, 30, 2.6, 450, 150, 200, 1),
                LeptonChoice.PT,
                MtForm.SQUARED,
                ParticleOrder.DELTA_R_ASCENDING);
        assertEquals(Outcome.SELECTED, one.process(ringAroundTheLepton().buffer()));
        assertRows(one, 0);
    }
}
