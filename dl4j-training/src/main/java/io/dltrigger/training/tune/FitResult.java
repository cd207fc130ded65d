package io.dltrigger.training.tune;

import java.io.Serializable;

/** The outcome of one grid point: validation ttbar AUC (mean and standard deviation over folds), loss and time. */
public record FitResult(
        GridPoint point,
        String status,
        double aucMean,
        double aucStd,
        double lossMean,
        double seconds,
        int folds,
        String error)
        implements Serializable {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public boolean ok() {
        return OK.equals(status);
    }
}
