package io.dltrigger.training.data;

import java.io.Serializable;

/**
 * A deterministic split of a dataset's events by a hash of their provenance, the event-table key
 * ({@code source_file}, {@code entry}): the same event lands on the same side in every epoch, process and
 * Spark task, and in every rewrite of the features table (Spark names its part files at random per write,
 * and their row groups and rows follow the partitioning, so a hash of those would reshuffle validation
 * events into training from one features run to the next). Only the source file's name is hashed, not its
 * folder or storage ({@code file:}, {@code root://}), so the split survives moving the data.
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

    /** Whether the event {@code entry} of {@code sourceFile} is on this holdout's side. */
    public boolean accepts(String sourceFile, long entry) {
        if (parts == 0 && keepOneIn <= 1) {
            return true;
        }
        String name = sourceFile.substring(sourceFile.lastIndexOf('/') + 1);
        long h = name.hashCode() * 0x9E3779B97F4A7C15L + entry * 0xC2B2AE3D27D4EB4FL;
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
        ParquetFeatureReader.Provenance p = ParquetFeatureReader.readProvenance(split);
        int[] rows = new int[block.size()];
        int n = 0;
        for (int r = 0; r < block.size(); r++) {
            if (p.sourceFiles()[r] == null || p.entries()[r] < 0) {
                throw new FeatureDataException(split.file() + " row group " + split.rowGroup() + " row " + r
                        + ": no source_file/entry to assign the event to a side of the split");
            }
            if (accepts(p.sourceFiles()[r], p.entries()[r])) {
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
