package io.dltrigger.training.eval;

import io.dltrigger.contract.EventClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluation written to metrics.json: per-class one-vs-rest AUC, accuracy, confusion matrix, loss history. */
public record Metrics(
        long events,
        Map<String, Double> auc,
        double accuracy,
        long[][] confusion,
        double testLoss,
        List<Double> trainLoss,
        List<Double> validationLoss) {

    /** The figure models are compared by: the ttbar selector's AUC (class 1 one-vs-rest). */
    public double ttbarAuc() {
        return auc.get(EventClass.TTBAR.displayName());
    }

    public static Metrics of(Predictions p, List<Double> trainLoss, List<Double> validationLoss) {
        Map<String, Double> auc = new LinkedHashMap<>();
        for (int c = 0; c < EventClass.COUNT; c++) {
            auc.put(EventClass.ofLabel(c).displayName(), p.roc(c).auc());
        }
        long[][] confusion = new long[EventClass.COUNT][EventClass.COUNT];
        long correct = 0;
        for (int i = 0; i < p.size(); i++) {
            confusion[p.label(i)][p.predicted(i)]++;
            if (p.label(i) == p.predicted(i)) {
                correct++;
            }
        }
        return new Metrics(
                p.size(),
                auc,
                (double) correct / p.size(),
                confusion,
                p.crossEntropy(),
                List.copyOf(trainLoss),
                List.copyOf(validationLoss));
    }
}
