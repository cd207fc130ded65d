package io.dltrigger.generator.validation;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.physics.EventGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates every class in memory, applies the PHYSICS.md selection, and reports how the classes differ:
 * efficiencies, feature distributions, the best cut-based classifiers, and the reference HLF network's AUC.
 */
public record ValidationReport(
        int eventsPerClass,
        long seed,
        List<ClassSummary> classes,
        List<CutBasedClassifier.PairResult> bestCuts,
        CutBasedClassifier.TreeResult decisionTree,
        MlpProbe.Result dnn) {

    static final int DNN_EPOCHS = 15;

    public static ValidationReport run(int eventsPerClass, long seed) {
        TriggerSelection selection = new TriggerSelection();
        List<ClassSummary> classes = new ArrayList<>();
        Map<Integer, List<HighLevelFeatures>> byLabel = new LinkedHashMap<>();
        for (EventClass s : EventClass.values()) {
            EventGenerator generator = new EventGenerator(s, seed + s.label());
            ClassSummary.Builder b = new ClassSummary.Builder(s, selection);
            for (int i = 0; i < eventsPerClass; i++) {
                b.add(generator.next());
            }
            classes.add(b.build());
            byLabel.put(s.label(), b.selectedFeatures());
        }
        LabelledFeatures all = LabelledFeatures.balanced(byLabel);
        LabelledFeatures train = all.half(false);
        LabelledFeatures test = all.half(true);
        int qcd = EventClass.QCD.label();
        int ttbar = EventClass.TTBAR.label();
        int wjets = EventClass.WJETS.label();
        List<CutBasedClassifier.PairResult> cuts = List.of(
                CutBasedClassifier.bestCut(train, test, ttbar, qcd),
                CutBasedClassifier.bestCut(train, test, ttbar, wjets),
                CutBasedClassifier.bestCut(train, test, wjets, qcd));
        return new ValidationReport(
                eventsPerClass,
                seed,
                classes,
                cuts,
                CutBasedClassifier.decisionTree(train, test, ttbar, qcd),
                MlpProbe.trainAndTest(train, test, DNN_EPOCHS, seed));
    }

    public ClassSummary summary(EventClass s) {
        return classes.stream().filter(c -> c.sample() == s).findFirst().orElseThrow();
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Events per class: %d, seed %d.%n%n", eventsPerClass, seed));
        md.append("| | ").append(header()).append('\n').append("|---|---|---|---|\n");
        row(md, "selection efficiency", c -> fmt(c.selectionEfficiency()));
        row(md, "leptons PT>23 failing isolation", c -> fmt(c.leptonIsolationFailure()));
        md.append("\nSelected events, mean (10% / 50% / 90% quantiles):\n\n| | ")
                .append(header())
                .append('\n')
                .append("|---|---|---|---|\n");
        for (String f : classes.get(0).features().keySet()) {
            row(md, f, c -> dist(c.features().get(f)));
        }
        md.append("\nAll events, multiplicities, mean (10% / 50% / 90%):\n\n| | ")
                .append(header())
                .append('\n')
                .append("|---|---|---|---|\n");
        for (String m : classes.get(0).multiplicities().keySet()) {
            row(md, m, c -> dist(c.multiplicities().get(m)));
        }
        md.append("\nCut-based classifiers (chosen on half the balanced selected events, measured on the other "
                + "half):\n\n| signal vs background | best single cut | signal efficiency | background rejection "
                + "| balanced accuracy |\n|---|---|---|---|---|\n");
        for (CutBasedClassifier.PairResult p : bestCuts) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s vs %s | %s | %s | %s | %s |%n",
                    name(p.signal()),
                    name(p.background()),
                    p.cut(),
                    fmt(p.signalEfficiency()),
                    fmt(p.backgroundRejection()),
                    fmt(p.balancedAccuracy())));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nDepth-2 decision tree, 3 classes: accuracy %s; ttbar efficiency %s "
                        + "at QCD rejection %s.%nTree: `%s`%n",
                fmt(decisionTree.accuracy()),
                fmt(decisionTree.ttbarEfficiency()),
                fmt(decisionTree.qcdRejection()),
                decisionTree.tree()));
        md.append(String.format(
                Locale.ROOT,
                "%nReference HLF network (14-50-20-10-3, %d epochs): accuracy %s, "
                        + "one-vs-rest AUC QCD %s, ttbar %s, W+jets %s.%n",
                DNN_EPOCHS,
                fmt(dnn.accuracy()),
                fmt(dnn.auc()[0]),
                fmt(dnn.auc()[1]),
                fmt(dnn.auc()[2])));
        return md.toString();
    }

    private String header() {
        StringBuilder h = new StringBuilder();
        for (ClassSummary c : classes) {
            h.append(name(c.sample().label())).append(" | ");
        }
        return h.toString().trim();
    }

    private void row(StringBuilder md, String name, java.util.function.Function<ClassSummary, String> cell) {
        md.append("| ").append(name).append(" |");
        for (ClassSummary c : classes) {
            md.append(' ').append(cell.apply(c)).append(" |");
        }
        md.append('\n');
    }

    private static String name(int label) {
        return switch (label) {
            case 0 -> "QCD";
            case 1 -> "ttbar";
            default -> "W+jets";
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String dist(Distribution d) {
        return String.format(Locale.ROOT, "%.3g (%.3g / %.3g / %.3g)", d.mean(), d.q10(), d.q50(), d.q90());
    }
}
