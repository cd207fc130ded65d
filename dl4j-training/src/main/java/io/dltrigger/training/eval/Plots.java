package io.dltrigger.training.eval;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.metrics.Roc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The reference's figures as PNG: loss per epoch, and the three one-vs-rest ROC curves with AUC in the legend. */
public final class Plots {
    private Plots() {}

    public static void lossCurves(List<Double> train, List<Double> validation, Path png) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(600)
                .title("Loss per epoch")
                .xAxisTitle("epoch")
                .yAxisTitle("categorical cross-entropy")
                .build();
        if (!train.isEmpty()) {
            chart.addSeries("training", epochs(train.size()), train).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!validation.isEmpty()) {
            chart.addSeries("validation", epochs(validation.size()), validation).setMarker(SeriesMarkers.CIRCLE);
        }
        if (train.isEmpty() && validation.isEmpty()) {
            chart.addSeries("no epochs recorded", new double[] {0}, new double[] {0});
        }
        save(chart, png);
    }

    public static void rocCurves(Predictions p, Path png) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(800)
                .height(600)
                .title("ROC (one vs rest)")
                .xAxisTitle("false positive rate")
                .yAxisTitle("true positive rate")
                .build();
        for (int c = 0; c < EventClass.COUNT; c++) {
            Roc roc = p.roc(c);
            double[][] xy = thin(roc.fpr(), roc.tpr(), 2000);
            XYSeries s = chart.addSeries(
                    String.format("%s (AUC = %.4f)", EventClass.ofLabel(c).displayName(), roc.auc()), xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        save(chart, png);
    }

    /** At most about {@code max} points of a curve (a test set of millions gives millions of ROC points). */
    private static double[][] thin(double[] x, double[] y, int max) {
        int step = Math.max(1, x.length / max);
        int n = (x.length - 1) / step + 1 + ((x.length - 1) % step == 0 ? 0 : 1);
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i < x.length; i += step) {
            out[0][k] = x[i];
            out[1][k++] = y[i];
        }
        if (k < n) {
            out[0][k] = x[x.length - 1];
            out[1][k] = y[y.length - 1];
        }
        return out;
    }

    private static List<Integer> epochs(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    private static void save(XYChart chart, Path png) throws IOException {
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        // saveBitmap appends the extension
        java.nio.file.Files.move(
                Path.of(tmp + ".png"),
                png,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
