package io.dltrigger.generator.event;

import java.util.Locale;

/** The three physics samples and their class labels (PHYSICS.md: 0 = QCD, 1 = ttbar, 2 = W+jets). */
public enum Sample {
    QCD(0),
    TTBAR(1),
    WJETS(2);

    private final int label;

    Sample(int label) {
        this.label = label;
    }

    public int label() {
        return label;
    }

    /** Lower-case name used on the command line and in partition paths: qcd, ttbar, wjets. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sample fromId(String id) {
        for (Sample s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + id + "' (expected qcd, ttbar or wjets)");
    }
}
