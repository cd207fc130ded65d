package io.dltrigger.generator.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Selected events' HLF with their class labels, balanced by undersampling every class to the smallest one
 * (as the reference does) and split in two halves, one to choose cuts or fit on, one to measure on.
 */
public record LabelledFeatures(List<HighLevelFeatures> features, int[] labels) {

    public static LabelledFeatures balanced(Map<Integer, List<HighLevelFeatures>> byLabel) {
        int n = byLabel.values().stream().mapToInt(List::size).min().orElse(0);
        List<HighLevelFeatures> f = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        // Interleave the classes so that any prefix or half of the list stays balanced.
        for (int i = 0; i < n; i++) {
            for (Map.Entry<Integer, List<HighLevelFeatures>> e : byLabel.entrySet()) {
                f.add(e.getValue().get(i));
                l.add(e.getKey());
            }
        }
        return new LabelledFeatures(f, l.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return labels.length;
    }

    /** Alternate rounds of the interleaving: train (even) or test (odd), both balanced. */
    public LabelledFeatures half(boolean test) {
        int classes = (int) java.util.Arrays.stream(labels).distinct().count();
        List<HighLevelFeatures> f = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if ((i / classes) % 2 == (test ? 1 : 0)) {
                f.add(features.get(i));
                l.add(labels[i]);
            }
        }
        return new LabelledFeatures(f, l.stream().mapToInt(Integer::intValue).toArray());
    }
}
