package io.dltrigger.generator.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassLayoutTest {

    /**
     * Checksums ROOT 6.32 wrote into the StreamerInfo of a real Delphes 3 file
     * (testdata/root/eic_delphes_output.root): computing them ourselves proves the hash, the layouts
     * and the type names are ROOT's, which readers and ROOT itself check branches against.
     */
    private static final Map<ClassLayout, Long> ROOT_CHECKSUMS = Map.ofEntries(
            Map.entry(RootClasses.TOBJECT, 2417737773L),
            Map.entry(RootClasses.TNAMED, 3753331260L),
            Map.entry(RootClasses.TLIST, 1774568379L),
            Map.entry(RootClasses.TSEQCOLLECTION, 4234951622L),
            Map.entry(RootClasses.TCOLLECTION, 1474546588L),
            Map.entry(RootClasses.TCLONESARRAY, 3066088035L),
            Map.entry(RootClasses.TOBJARRAY, 2845730130L),
            Map.entry(RootClasses.TSTRING, 95257L),
            Map.entry(RootClasses.TTREE, 1919213695L),
            Map.entry(RootClasses.TATTLINE, 2483504457L),
            Map.entry(RootClasses.TATTFILL, 4292422290L),
            Map.entry(RootClasses.TATTMARKER, 689802220L),
            Map.entry(RootClasses.TIOFEATURES, 446770960L),
            Map.entry(RootClasses.TBRANCHELEMENT, 3880738403L),
            Map.entry(RootClasses.TBRANCH, 278366892L),
            Map.entry(RootClasses.TLEAFELEMENT, 2689566867L),
            Map.entry(RootClasses.TLEAF, 1830715730L),
            Map.entry(RootClasses.TLEAFI, 2120920601L),
            Map.entry(DelphesClasses.SORTABLE_OBJECT, 2383457965L),
            Map.entry(DelphesClasses.EVENT, 1897686336L));

    @Test
    void checksumsAreTheOnesRootWrites() {
        ROOT_CHECKSUMS.forEach((layout, expected) ->
                assertEquals(expected.longValue(), Integer.toUnsignedLong(layout.checksum()), layout.name()));
    }

    @Test
    void memberIndexCountsTheBaseClass() {
        assertEquals(1, DelphesClasses.EVENT.indexOf("Number"));
        assertEquals(3, DelphesClasses.EVENT.indexOf("ProcTime"));
    }
}
