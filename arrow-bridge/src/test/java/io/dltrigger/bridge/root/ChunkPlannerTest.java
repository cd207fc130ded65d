package io.dltrigger.bridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
    @Test
    void cutsOnlyWhereEveryBranchHasABasketBoundary() {
        long[] a = {0, 100, 200, 300, 400};
        long[] b = {0, 200, 400};
        List<EntryRange> chunks = ChunkPlanner.plan(500, List.of(a, b), 150);
        assertEquals(List.of(new EntryRange(0, 200), new EntryRange(200, 400), new EntryRange(400, 500)), chunks);
    }

    @Test
    void groupsBasketsUntilTheTargetIsReached() {
        long[] a = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
        assertEquals(
                List.of(new EntryRange(0, 30), new EntryRange(30, 60), new EntryRange(60, 90), new EntryRange(90, 100)),
                ChunkPlanner.plan(100, List.of(a), 25));
    }

    @Test
    void aTreeWithoutCommonBoundariesIsOneChunk() {
        assertEquals(
                List.of(new EntryRange(0, 50)),
                ChunkPlanner.plan(50, List.of(new long[] {0, 7}, new long[] {0, 9}), 5));
    }

    @Test
    void rejectsANonPositiveTarget() {
        assertThrows(IllegalArgumentException.class, () -> ChunkPlanner.plan(10, List.of(new long[] {0}), 0));
    }
}
