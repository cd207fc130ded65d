package io.dltrigger.training.data;

import java.util.ArrayList;
import java.util.List;

/** Reads the events a holdout selects from a list of splits into one in-memory block (for small samples only). */
public final class Subsample {
    private Subsample() {}

    public static EventBlock load(List<FeatureSplit> splits, Holdout holdout, boolean withParticles) {
        List<EventBlock> parts = new ArrayList<>();
        int total = 0;
        for (FeatureSplit s : splits) {
            EventBlock b = holdout.filter(s, ParquetFeatureReader.read(s, withParticles));
            parts.add(b);
            total += b.size();
        }
        EventBlock out = EventBlock.allocate(total, withParticles);
        int j = 0;
        for (EventBlock b : parts) {
            for (int i = 0; i < b.size(); i++) {
                out.copyEvent(b, i, j++);
            }
        }
        return out;
    }

    /** The holdout keeping about {@code fraction} of the events (1 in round(1/fraction)). */
    public static Holdout fraction(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("sample fraction must be in (0, 1], got " + fraction);
        }
        int parts = (int) Math.round(1 / fraction);
        return parts <= 1 ? Holdout.ALL : new Holdout(parts, parts - 1, true);
    }
}
