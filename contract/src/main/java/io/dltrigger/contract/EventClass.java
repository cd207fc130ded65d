package io.dltrigger.contract;

import java.util.Locale;

/**
 * The three classes of the paper and their labels (0 = QCD, 1 = ttbar, 2 = W+jets). The {@link #id()} names a
 * sample on the command line and in the event table's {@code sample=} partition; the {@link #displayName()}
 * labels metrics, plots and reports.
 */
public enum EventClass {
    QCD(0, "QCD"),
    TTBAR(1, "ttbar"),
    WJETS(2, "W+jets");

    /** The number of classes: the width of every classifier's output. */
    public static final int COUNT = 3;

    private final int label;
    private final String displayName;

    EventClass(int label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    public int label() {
        return label;
    }

    /** Lower-case name used on the command line and in partition paths: qcd, ttbar, wjets. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As physicists write it: QCD, ttbar, W+jets. */
    public String displayName() {
        return displayName;
    }

    public static EventClass ofLabel(int label) {
        for (EventClass c : values()) {
            if (c.label == label) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown class label " + label + " (expected 0, 1 or 2)");
    }

    public static EventClass fromId(String id) {
        for (EventClass c : values()) {
            if (c.id().equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + id + "' (expected qcd, ttbar or wjets)");
    }
}
