package io.dltrigger.features.testing;

import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.Field;
import io.dltrigger.generator.event.CollectionSpec;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.event.DelphesLayout;
import io.dltrigger.generator.event.Member;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built Delphes events for rule-edge tests: objects added one by one, in file order. */
public final class EventBuilder {
    private final Map<String, List<double[]>> objects = new HashMap<>();

    /** An event whose three isolation maps each hold one entry far from everything (eta -4). */
    public static EventBuilder withMaps() {
        return new EventBuilder()
                .track(1, -4, 0)
                .photon(2, -4, 1)
                .neutral(2, -4, 2)
                .met(10, 0);
    }

    public static EventBuilder empty() {
        return new EventBuilder();
    }

    private EventBuilder add(String collection, double... values) {
        objects.computeIfAbsent(collection, k -> new ArrayList<>()).add(values);
        return this;
    }

    public EventBuilder electron(double pt, double eta, double phi, int charge) {
        return add("Electron", pt, eta, phi, charge);
    }

    public EventBuilder muon(double pt, double eta, double phi, int charge) {
        return add("MuonTight", pt, eta, phi, charge);
    }

    public EventBuilder jet(double pt, double eta, double phi, int btag) {
        return add("Jet", pt, eta, phi, btag);
    }

    public EventBuilder met(double met, double phi) {
        objects.remove("MissingET");
        return add("MissingET", met, phi);
    }

    public EventBuilder track(double pt, double eta, double phi) {
        return track(pt, eta, phi, 211, 0, 0, 0);
    }

    public EventBuilder track(double pt, double eta, double phi, int pid, double x, double y, double z) {
        return add("EFlowTrack", pt, eta, phi, pid, x, y, z);
    }

    public EventBuilder photon(double et, double eta, double phi) {
        return add("EFlowPhoton", et, eta, phi);
    }

    public EventBuilder neutral(double et, double eta, double phi) {
        return add("EFlowNeutralHadron", et, eta, phi);
    }

    public DelphesEvent build() {
        DelphesEvent e = new DelphesEvent(1);
        for (CollectionSpec c : DelphesLayout.COLLECTIONS) {
            List<double[]> objs = objects.getOrDefault(c.name(), List.of());
            for (int m = 0; m < c.members().size(); m++) {
                Member member = c.members().get(m);
                if (member.integer()) {
                    int[] v = new int[objs.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (int) objs.get(i)[m];
                    }
                    e.put(c.name(), member.name(), v);
                } else {
                    float[] v = new float[objs.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) objs.get(i)[m];
                    }
                    e.put(c.name(), member.name(), v);
                }
            }
        }
        return e;
    }

    public EventBuffer buffer() {
        return toBuffer(build(), new EventBuffer());
    }

    /** Copies a Delphes event (default branch names) into an EventBuffer. */
    public static EventBuffer toBuffer(DelphesEvent e, EventBuffer b) {
        for (Field f : Field.all()) {
            String c = f.collection().defaultBranch();
            if (f.integer()) {
                b.set(f, e.ints(c, f.member()));
            } else {
                b.set(f, e.floats(c, f.member()));
            }
        }
        return b;
    }
}
