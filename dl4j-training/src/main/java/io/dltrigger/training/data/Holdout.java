package io.dltrigger.training.data;

import java.io.Serializable;

/**
 * A deterministic split of a dataset's events by a hash of (file, row group, row): the same event lands on the
 * same side in every epoch, every process and every Spark task, without a second copy of the data.
 * {@code parts} buckets; {@code part} the bucket selected; {@code keep} whether the selection is that bucket
 * (validation, fold) or all the others (training). parts = 0 means no split. {@code keepOneIn} above 1 thins the
 * selection to about one event in that many, by a second, independent hash (a subsample for the slow models).
 */
public record Holdout(int parts, int part, boolean keep, int keepOneIn) implements Serializable {
    public static final Holdout ALL = new Holdout(0, 0, false);

    public Holdout(int parts, int part, boolean keep) {
        this(parts, part, keep, 1);
    }

    /** This selection thinned to about one event in {@code n}. */
    public Holdout thinned(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thinning keeps one event in n >= 1, got " + n);
        }
        return new Holdout(parts, part, keep, n);
    }

    /** The validation side (1 bucket of {@code parts}) and its complement. */
    public static Holdout validation(int parts, int part) {
        return new Holdout(parts, part, true);
    }

    public static Holdout training(int parts, int part) {
        return new Holdout(parts, part, false);
    }

    public boolean accepts(FeatureSplit split, int row) {
        if (parts == 0 && keepOneIn <= 1) {
            return true;
        }
        long h = split.file().substring(split.file().lastIndexOf('/') + 1).hashCode() * 0x9E3779B97F4A7C15L
                + split.rowGroup() * 0xC2B2AE3D27D4EB4FL
                + row;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        if (parts != 0 && (Math.floorMod(h, parts) == part) != keep) {
            return false;
        }
        if (keepOneIn <= 1) {
            return true;
        }
        long g = (h ^ 0x5DEECE66DL) * 0xC4CEB9FE1A85EC53L; // independent of the split above
        g ^= g >>> 29;
        return Math.floorMod(g, keepOneIn) == 0;
    }

    /** The block's rows this holdout accepts, compacted into a new block (the block itself if all pass). */
    public EventBlock filter(FeatureSplit split, EventBlock block) {
        if (parts == 0 && keepOneIn <= 1) {
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
