package io.dltrigger.training.eval;

import io.dltrigger.training.data.FeatureContract;
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
        return auc.get(FeatureContract.CLASS_NAMES[1]);
    }

    public static Metrics of(Predictions p, List<Double> trainLoss, List<Double> validationLoss) {
        Map<String, Double> auc = new LinkedHashMap<>();
        for (int c = 0; c < FeatureContract.N_CLASSES; c++) {
            auc.put(FeatureContract.CLASS_NAMES[c], p.roc(c).auc());
        }
        long[][] confusion = new long[FeatureContract.N_CLASSES][FeatureContract.N_CLASSES];
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
