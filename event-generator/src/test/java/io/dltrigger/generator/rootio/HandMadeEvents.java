package io.dltrigger.generator.rootio;

import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events with values computed from (event, object, member), and the per-branch figures a reader must find
 * in the file: value count, sum, sum of squares, min and max, as root-summary.mjs reports them.
 */
final class HandMadeEvents {

    /** What a reader reports for one leaf branch; min and max are null when the branch holds no value. */
    record Stats(long values, double sum, double sumsq, Double min, Double max) {
        Stats add(double x) {
            return new Stats(
                    values + 1,
                    sum + x,
                    sumsq + x * x,
                    min == null ? x : Math.min(min, x),
                    max == null ? x : Math.max(max, x));
        }
    }

    private HandMadeEvents() {}

    /** Objects per collection in event {@code i}: empty, fixed and varying sizes, one always-empty collection. */
    static int size(String collection, int i) {
        return switch (collection) {
            case "Electron" -> i % 3;
            case "MuonTight" -> i % 5 == 0 ? 1 : 0;
            case "Jet" -> i % 8;
            case "MissingET" -> 1;
            case "EFlowTrack" -> 40 + i % 25;
            case "EFlowPhoton" -> i % 4 == 0 ? 0 : 15;
            case "EFlowNeutralHadron" -> 0;
            default -> throw new IllegalArgumentException(collection);
        };
    }

    static float floatValue(String collection, String member, int i, int k) {
        int salt = Math.floorMod(collection.hashCode() * 31 + member.hashCode(), 97);
        return salt - 40 + i * 0.125f + k * 1.5f;
    }

    /** Integer members; Jet.BTag of the seventh jet is 0xFFFFFFFF, which a UInt_t reader sees as 4294967295. */
    static int intValue(String collection, String member, int i, int k) {
        if (collection.equals("Jet") && member.equals("BTag") && k == 6) {
            return -1;
        }
        return (i + k + member.length()) % 5 - 2;
    }

    static List<DelphesEvent> events(int count) {
        List<DelphesEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DelphesEvent e = new DelphesEvent(i + 1);
            for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
                int n = size(c.name(), i);
                for (Member m : c.members()) {
                    if (m.integer()) {
                        int[] v = new int[n];
                        for (int k = 0; k < n; k++) {
                            v[k] = intValue(c.name(), m.name(), i, k);
                        }
                        e.put(c.name(), m.name(), v);
                    } else {
                        float[] v = new float[n];
                        for (int k = 0; k < n; k++) {
                            v[k] = floatValue(c.name(), m.name(), i, k);
                        }
                        e.put(c.name(), m.name(), v);
                    }
                }
            }
            events.add(e);
        }
        return events;
    }

    /** The figures of every leaf branch of {@code count} events, in the tree's branch order. */
    static Map<String, Stats> expected(int count) {
        Map<String, Stats> stats = new LinkedHashMap<>();
        Stats empty = new Stats(0, 0, 0, null, null);
        for (int i = 0; i < count; i++) {
            stats.merge("Event.Number", empty.add(i + 1), HandMadeEvents::sum);
            stats.merge("Event_size", empty.add(1), HandMadeEvents::sum);
            for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
                int n = size(c.name(), i);
                for (Member m : c.members()) {
                    Stats s = stats.getOrDefault(c.name() + "." + m.name(), empty);
                    for (int k = 0; k < n; k++) {
                        s = s.add(
                                m.integer()
                                        ? unsigned(c.name(), m.name(), intValue(c.name(), m.name(), i, k))
                                        : floatValue(c.name(), m.name(), i, k));
                    }
                    stats.put(c.name() + "." + m.name(), s);
                }
                stats.merge(c.name() + "_size", empty.add(n), HandMadeEvents::sum);
            }
        }
        return stats;
    }

    private static double unsigned(String collection, String member, int v) {
        return collection.equals("Jet") && member.equals("BTag") ? Integer.toUnsignedLong(v) : v;
    }

    private static Stats sum(Stats a, Stats b) {
        Stats s = a;
        if (b.values() > 0) {
            s = new Stats(
                    a.values() + b.values(),
                    a.sum() + b.sum(),
                    a.sumsq() + b.sumsq(),
                    a.min() == null ? b.min() : Math.min(a.min(), b.min()),
                    a.max() == null ? b.max() : Math.max(a.max(), b.max()));
        }
        return s;
    }
}
