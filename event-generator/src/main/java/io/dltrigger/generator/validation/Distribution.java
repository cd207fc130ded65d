package io.dltrigger.generator.validation;

import java.util.Arrays;

/** Mean and 10 / 50 / 90 % quantiles of a variable. */
public record Distribution(double mean, double q10, double q50, double q90) {
    public static Distribution of(double[] values) {
        if (values.length == 0) {
            return new Distribution(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new Distribution(
                Arrays.stream(v).average().orElse(Double.NaN), quantile(v, 0.1), quantile(v, 0.5), quantile(v, 0.9));
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
