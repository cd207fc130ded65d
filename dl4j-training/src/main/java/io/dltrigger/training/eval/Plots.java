package io.dltrigger.training.eval;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.metrics.Roc;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures a physicist puts in a talk, as PNG: the loss of training and validation per epoch, and for each
 * class (one vs rest) the linear ROC beside the background rejection 1/eps_B on a log scale against the signal
 * efficiency eps_S (the HEP convention). Axes have fixed ranges and a few round tick labels: left to itself,
 * XChart labels a ROC's y axis with every distinct value it finds (dozens of fifteen-digit numbers).
 */
public final class Plots {
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private Plots() {}

    /** loss.png: training and validation loss per epoch (the epoch axis in whole epochs). */
    public static void lossCurves(List<Double> train, List<Double> validation, Path png) throws IOException {
        save(BitmapEncoder.getBufferedImage(lossChart(train, validation)), png);
    }

    /** roc.png: the linear ROC and the background rejection, side by side. */
    public static void rocCurves(Predictions p, Path png) throws IOException {
        List<Roc> rocs = new ArrayList<>();
        for (int c = 0; c < EventClass.COUNT; c++) {
            rocs.add(p.roc(c));
        }
        BufferedImage left = BitmapEncoder.getBufferedImage(rocChart(rocs));
        BufferedImage right = BitmapEncoder.getBufferedImage(rejectionChart(rocs));
        BufferedImage both = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2 * WIDTH, HEIGHT);
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, WIDTH, 0, null);
        g.dispose();
        save(both, png);
    }

    static XYChart lossChart(List<Double> train, List<Double> validation) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Loss per epoch")
                .xAxisTitle("epoch")
                .yAxisTitle("categorical cross-entropy")
                .build();
        Styler s = chart.getStyler();
        chart.getStyler().setXAxisDecimalPattern("0").setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisTickMarkSpacingHint(60).setYAxisTickMarkSpacingHint(60);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) Math.max(train.size(), validation.size()) + 1);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        if (!train.isEmpty()) {
            chart.addSeries("training", epochs(train.size()), train).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!validation.isEmpty()) {
            chart.addSeries("validation", epochs(validation.size()), validation).setMarker(SeriesMarkers.CIRCLE);
        }
        if (train.isEmpty() && validation.isEmpty()) {
            chart.addSeries("no epochs recorded", new double[] {0}, new double[] {0});
        }
        return chart;
    }

    static XYChart rocChart(List<Roc> rocs) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("ROC (one vs rest)")
                .xAxisTitle("false positive rate")
                .yAxisTitle("true positive rate")
                .build();
        unitAxes(chart);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        for (int c = 0; c < rocs.size(); c++) {
            Roc roc = rocs.get(c);
            double[][] xy = thin(roc.fpr(), roc.tpr(), 2000);
            chart.addSeries(label(c, roc), xy[0], xy[1]).setMarker(SeriesMarkers.NONE);
        }
        chart.addSeries("random", new double[] {0, 1}, new double[] {0, 1})
                .setMarker(SeriesMarkers.NONE)
                .setLineColor(Color.LIGHT_GRAY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /**
     * Background rejection 1/eps_B (log scale) against signal efficiency eps_S, for each class as the signal and
     * the two others as background. Points with no background left (infinite rejection) are not drawn; the
     * y axis ends at the largest rejection a test set of this size can show.
     */
    static XYChart rejectionChart(List<Roc> rocs) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Background rejection vs signal efficiency")
                .xAxisTitle("signal efficiency")
                .yAxisTitle("background rejection 1/eps_B")
                .build();
        chart.getStyler().setYAxisLogarithmic(true).setYAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setXAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisTickMarkSpacingHint(80).setYAxisMin(1.0);
        double top = 10;
        for (int c = 0; c < rocs.size(); c++) {
            Roc roc = rocs.get(c);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < roc.fpr().length; i++) {
                if (roc.fpr()[i] > 0 && roc.tpr()[i] > 0) {
                    points.add(new double[] {roc.tpr()[i], 1 / roc.fpr()[i]});
                    top = Math.max(top, 1 / roc.fpr()[i]);
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = points.get(i)[0];
                y[i] = points.get(i)[1];
            }
            double[][] xy = thin(x, y, 2000);
            chart.addSeries(label(c, roc), xy[0], xy[1]).setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(top))));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static void unitAxes(XYChart chart) {
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisTickMarkSpacingHint(80).setYAxisTickMarkSpacingHint(60);
    }

    private static String label(int cls, Roc roc) {
        return String.format("%s (AUC = %.4f)", EventClass.ofLabel(cls).displayName(), roc.auc());
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

    /** Written under a temporary name, then renamed: a reader never sees half a PNG. */
    private static void save(BufferedImage image, Path png) throws IOException {
        Path tmp = png.resolveSibling(png.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", tmp.toFile())) {
            throw new IOException("no PNG writer");
        }
        Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
