package io.dltrigger.training.data;

import java.io.Serializable;

/**
 * A deterministic split of a dataset's events by a hash of (file, row group, row): the same event lands on the
 * same side in every epoch, every process and every Spark task, without a second copy of the data.
 * {@code parts} buckets; {@code part} the bucket selected; {@code keep} whether the selection is that bucket
 * (validation, fold) or all the others (training). parts = 0 means no split.
 */
public record Holdout(int parts, int part, boolean keep) implements Serializable {
    public static final Holdout ALL = new Holdout(0, 0, false);

    /** The validation side (1 bucket of {@code parts}) and its complement. */
    public static Holdout validation(int parts, int part) {
        return new Holdout(parts, part, true);
    }

    public static Holdout training(int parts, int part) {
        return new Holdout(parts, part, false);
    }

    public boolean accepts(FeatureSplit split, int row) {
        if (parts == 0) {
            return true;
        }
        long h = split.file().substring(split.file().lastIndexOf('/') + 1).hashCode() * 0x9E3779B97F4A7C15L
                + split.rowGroup() * 0xC2B2AE3D27D4EB4FL
                + row;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        boolean inPart = Math.floorMod(h, parts) == part;
        return inPart == keep;
    }

    /** The block's rows this holdout accepts, compacted into a new block (the block itself if all pass). */
    public EventBlock filter(FeatureSplit split, EventBlock block) {
        if (parts == 0) {
            return block;
        }
        int[] rows = new int[block.size()];
        int n = 0;
        for (int r = 0; r < block.size(); r++) {
            if (accepts(split, r)) {
                rows[n++] = r;
            }
        }
        EventBlock out = EventBlock.allocate(n, block.hasParticles());
        for (int i = 0; i < n; i++) {
            out.copyEvent(block, rows[i], i);
        }
        return out;
    }
}
