package io.dltrigger.generator.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.DelphesEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one class looks like: its selection efficiency, the multiplicities of every event, the HLF
 * distributions of the selected events, and how often its leptons above the pT cut fail isolation.
 */
public record ClassSummary(
        EventClass sample,
        int events,
        int selected,
        double leptonIsolationFailure,
        Map<String, Distribution> multiplicities,
        Map<String, Distribution> features) {

    @JsonProperty("selectionEfficiency")
    public double selectionEfficiency() {
        return selected / (double) events;
    }

    /** Accumulates events of one class. */
    public static final class Builder {
        private final EventClass sample;
        private final TriggerSelection selection;
        private final List<HighLevelFeatures> selectedFeatures = new ArrayList<>();
        private final Map<String, List<Double>> counts = new LinkedHashMap<>();
        private int events;
        private int leptonsAboveCut;
        private int leptonsFailingIsolation;

        public Builder(EventClass sample, TriggerSelection selection) {
            this.sample = sample;
            this.selection = selection;
        }

        public void add(DelphesEvent e) {
            events++;
            count("tracks", e.size("EFlowTrack"));
            count("tracks PT>0.5", above(e.floats("EFlowTrack", "PT"), 0.5f));
            count("photons", e.size("EFlowPhoton"));
            count("photons ET>1", above(e.floats("EFlowPhoton", "ET"), 1f));
            count("neutral hadrons", e.size("EFlowNeutralHadron"));
            count("neutral hadrons ET>1", above(e.floats("EFlowNeutralHadron", "ET"), 1f));
            count("jets", e.size("Jet"));
            count("electrons", e.size("Electron"));
            count("muons", e.size("MuonTight"));
            Isolation iso = new Isolation(e);
            for (String c : new String[] {"Electron", "MuonTight"}) {
                float[] pt = e.floats(c, "PT");
                float[] eta = e.floats(c, "Eta");
                float[] phi = e.floats(c, "Phi");
                for (int i = 0; i < pt.length; i++) {
                    if (pt[i] > TriggerSelection.LEPTON_PT_MIN) {
                        leptonsAboveCut++;
                        double sum = iso.charged(pt[i], eta[i], phi[i])
                                + iso.photon(pt[i], eta[i], phi[i])
                                + iso.neutral(pt[i], eta[i], phi[i]);
                        leptonsFailingIsolation += sum >= TriggerSelection.ISOLATION_MAX ? 1 : 0;
                    }
                }
            }
            selection.apply(e).ifPresent(selectedFeatures::add);
        }

        public List<HighLevelFeatures> selectedFeatures() {
            return selectedFeatures;
        }

        public ClassSummary build() {
            Map<String, Distribution> multiplicities = new LinkedHashMap<>();
            counts.forEach((k, v) -> multiplicities.put(
                    k,
                    Distribution.of(v.stream().mapToDouble(Double::doubleValue).toArray())));
            Map<String, Distribution> features = new LinkedHashMap<>();
            for (CutVariable v : CutVariable.values()) {
                features.put(
                        v.name(),
                        Distribution.of(
                                selectedFeatures.stream().mapToDouble(v::of).toArray()));
            }
            return new ClassSummary(
                    sample,
                    events,
                    selectedFeatures.size(),
                    leptonsFailingIsolation / (double) Math.max(1, leptonsAboveCut),
                    multiplicities,
                    features);
        }

        private void count(String name, int n) {
            counts.computeIfAbsent(name, k -> new ArrayList<>()).add((double) n);
        }

        private static int above(float[] v, float min) {
            int n = 0;
            for (float x : v) {
                n += x > min ? 1 : 0;
            }
            return n;
        }
    }
}
