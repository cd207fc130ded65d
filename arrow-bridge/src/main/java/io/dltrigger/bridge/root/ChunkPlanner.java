package io.dltrigger.bridge.root;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Plans chunks of a tree: entry ranges whose edges are basket boundaries of every branch read (in
 * practice ROOT's cluster boundaries), grown until they hold at least the target number of entries. A
 * chunk then decodes whole baskets, each exactly once.
 */
final class ChunkPlanner {
    private ChunkPlanner() {}

    /**
     * @param entries        entries in the tree
     * @param basketOffsets  per branch, the first entry of each basket (Laurelin's basket entry offsets)
     * @param targetEvents   wanted entries per chunk (> 0)
     */
    static List<EntryRange> plan(long entries, List<long[]> basketOffsets, long targetEvents) {
        if (targetEvents <= 0) {
            throw new IllegalArgumentException("target events per chunk must be positive, got " + targetEvents);
        }
        TreeSet<Long> common = null;
        for (long[] offsets : basketOffsets) {
            TreeSet<Long> edges = new TreeSet<>();
            for (long o : offsets) {
                if (o > 0 && o < entries) {
                    edges.add(o);
                }
            }
            if (common == null) {
                common = edges;
            } else {
                common.retainAll(edges);
            }
        }
        List<EntryRange> chunks = new ArrayList<>();
        long start = 0;
        if (common != null) {
            for (long edge : common) {
                if (edge - start >= targetEvents) {
                    chunks.add(new EntryRange(start, edge));
                    start = edge;
                }
            }
        }
        if (start < entries) {
            chunks.add(new EntryRange(start, entries));
        }
        return chunks;
    }
}
