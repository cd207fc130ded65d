package io.dltrigger.training.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The figures have the axes of a talk: fixed ranges with round tick labels (a regression: XChart labelled a ROC's
 * y axis with every distinct value, some 47 fifteen-digit labels), the rejection on a log axis beside the linear
 * ROC, and the loss of both sides per whole epoch.
 */
class PlotsTest {
    @TempDir
    Path dir;

    /** Scores that separate the classes imperfectly, as a trained network's do. */
    static Predictions predictions(int n) {
        Random r = new Random(7);
        Predictions p = new Predictions();
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            float[] probs = new float[3];
            float sum = 0;
            for (int c = 0; c < 3; c++) {
                probs[c] = (float) Math.exp(r.nextGaussian() + (c == label ? 1.5 : 0));
                sum += probs[c];
            }
            for (int c = 0; c < 3; c++) {
                probs[c] /= sum;
            }
            p.add(probs, new int[] {label}, 1);
        }
        return p;
    }

    @Test
    void theRocHasUnitAxesWithRoundTicksAndTheRejectionALogAxis() throws Exception {
        Predictions p = predictions(3000);
        List<io.dltrigger.contract.metrics.Roc> rocs = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            rocs.add(p.roc(c));
        }
        XYChart roc = Plots.rocChart(rocs);
        assertEquals("0.0", roc.getStyler().getYAxisDecimalPattern());
        assertEquals(0.0, roc.getStyler().getYAxisMin());
        assertEquals(1.0, roc.getStyler().getYAxisMax());
        assertEquals(1.0, roc.getStyler().getXAxisMax());

        XYChart rejection = Plots.rejectionChart(rocs);
        assertTrue(rejection.getStyler().isYAxisLogarithmic());
        assertEquals(1.0, rejection.getStyler().getYAxisMin());
        double max = rejection.getStyler().getYAxisMax();
        assertEquals(max, Math.pow(10, Math.round(Math.log10(max))), 1e-9, "the axis ends at a power of ten");
        for (XYSeries s : rejection.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                assertTrue(Double.isFinite(y) && y >= 1 && y <= max, "rejection " + y);
            }
            for (double x : s.getXData()) {
                assertTrue(x > 0 && x <= 1, "efficiency " + x);
            }
        }
        assertTrue(rejection.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("ttbar (AUC = 0.")));

        Path png = dir.resolve("roc.png");
        Plots.rocCurves(p, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2 * Plots.WIDTH, img.getWidth(), "two panels side by side");
        assertEquals(Plots.HEIGHT, img.getHeight());
    }

    @Test
    void theLossHasBothSidesPerWholeEpoch() throws Exception {
        XYChart loss = Plots.lossChart(List.of(0.9, 0.6, 0.5), List.of(0.8, 0.65, 0.6));
        assertEquals("0", loss.getStyler().getXAxisDecimalPattern(), "whole epochs");
        assertEquals(
                List.of("training", "validation"),
                List.copyOf(loss.getSeriesMap().keySet()));
        Path png = dir.resolve("loss.png");
        Plots.lossCurves(List.of(0.9, 0.6), List.of(0.8, 0.7), png);
        assertEquals(Plots.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }
}
