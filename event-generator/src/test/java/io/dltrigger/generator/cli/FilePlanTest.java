package io.dltrigger.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dltrigger.contract.EventClass;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilePlanTest {

    @Test
    void splitsEventsIntoNamedFilesWithTheirOwnSeeds() {
        FilePlan plan = FilePlan.of(EventClass.TTBAR, 25, 10, 42);
        List<FilePlan.PlannedFile> f = plan.files();
        assertEquals(3, f.size());
        assertEquals(
                List.of(10, 10, 5), f.stream().map(FilePlan.PlannedFile::events).toList());
        assertEquals("ttbar_seed42_0000.root", f.get(0).name());
        assertEquals("ttbar_seed42_0002.root", f.get(2).name());
        Set<Long> seeds = new HashSet<>();
        f.forEach(p -> seeds.add(p.seed()));
        assertEquals(3, seeds.size());
    }

    @Test
    void fileSeedDependsOnRunSeedSampleAndIndexOnly() {
        // Same file index in a run cut differently: same seed, so file 0 is the same file.
        assertEquals(
                FilePlan.of(EventClass.QCD, 100, 10, 7).files().get(0).seed(),
                FilePlan.of(EventClass.QCD, 5, 5, 7).files().get(0).seed());
        assertNotEquals(FilePlan.fileSeed(7, EventClass.QCD, 0), FilePlan.fileSeed(7, EventClass.WJETS, 0));
        assertNotEquals(FilePlan.fileSeed(7, EventClass.QCD, 0), FilePlan.fileSeed(8, EventClass.QCD, 0));
        assertNotEquals(FilePlan.fileSeed(7, EventClass.QCD, 0), FilePlan.fileSeed(7, EventClass.QCD, 1));
    }

    @Test
    void refusesBadSizesWithTheOptionName() {
        assertEquals(
                "--events must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> FilePlan.of(EventClass.QCD, 0, 10, 1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FilePlan.of(EventClass.QCD, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> FilePlan.of(EventClass.QCD, 100_000, 1, 1));
    }
}
