package io.dltrigger.ingest.ledger;

import io.dltrigger.bridge.root.EntryRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sets of entry ranges: merged, and subtracted from a chunk to leave what is still to read. */
public final class EntryRanges {
    private EntryRanges() {}

    /** Sorted, with overlapping and touching ranges merged. */
    public static List<EntryRange> merge(List<EntryRange> ranges) {
        List<EntryRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(EntryRange::start));
        List<EntryRange> out = new ArrayList<>();
        for (EntryRange r : sorted) {
            if (r.stop() <= r.start()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).stop() >= r.start()) {
                EntryRange last = out.remove(out.size() - 1);
                out.add(new EntryRange(last.start(), Math.max(last.stop(), r.stop())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The parts of {@code chunk} that no range of {@code covered} (merged) holds, in order. */
    public static List<EntryRange> subtract(EntryRange chunk, List<EntryRange> covered) {
        List<EntryRange> out = new ArrayList<>();
        long at = chunk.start();
        for (EntryRange c : covered) {
            if (c.stop() <= at || c.start() >= chunk.stop()) {
                continue;
            }
            if (c.start() > at) {
                out.add(new EntryRange(at, c.start()));
            }
            at = Math.max(at, c.stop());
            if (at >= chunk.stop()) {
                break;
            }
        }
        if (at < chunk.stop()) {
            out.add(new EntryRange(at, chunk.stop()));
        }
        return out;
    }

    public static long size(List<EntryRange> ranges) {
        return ranges.stream().mapToLong(EntryRange::size).sum();
    }
}
