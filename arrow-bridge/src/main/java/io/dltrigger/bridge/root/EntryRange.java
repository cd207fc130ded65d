package io.dltrigger.bridge.root;

/** Entries [start, stop) of a tree. */
public record EntryRange(long start, long stop) {
    public EntryRange {
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("bad entry range [" + start + ", " + stop + ")");
        }
    }

    public long size() {
        return stop - start;
    }
}
