package io.dltrigger.bench.training;

import io.dltrigger.bench.features.LittleEndianFile;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ParquetFeatureReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-training export-table}: a features table exactly as {@code train} and {@code evaluate} see it
 * (scaled, ordered, the training side split by the same validation holdout), written as raw arrays for
 * {@code bench/physics-probe/probe.py --table} (issue 17), so that PyTorch and DL4J can be compared on the same
 * training, validation and test events. Per side (train, val, test), little-endian: {@code SIDE_y.i32} [n],
 * {@code SIDE_hlf.f32} [n, 14], {@code SIDE_n.i32} [n] (real particle rows, at most {@code --rows}) and
 * {@code SIDE_particles.f32} [n, rows, 19] (the table's first rows of each list, padding as stored). Each file
 * is written under a hidden name and renamed when complete ({@link LittleEndianFile}).
 */
@Command(
        name = "export-table",
        mixinStandardHelpOptions = true,
        description = "Write a features table's train/validation/test events as raw arrays (bench/physics-probe.sh).")
final class TableExport implements Callable<Integer> {
    private static final int F = FeaturesTableContract.PARTICLE_FEATURES;

    @Option(names = "--features", required = true, description = "features table (the directory holding train/, test/)")
    Path features;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(
            names = "--rows",
            defaultValue = "100",
            description = "particle rows per event to write (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(
            names = "--validation-parts",
            defaultValue = "10",
            description = "the training configuration's validation_parts: 1/N of train/ is the validation side"
                    + " (default: ${DEFAULT-VALUE})")
    int validationParts;

    @Override
    public Integer call() throws IOException {
        if (rows < 1 || rows > FeaturesTableContract.MAX_PARTICLES) {
            throw new IllegalArgumentException(
                    "--rows must be 1.." + FeaturesTableContract.MAX_PARTICLES + ", got " + rows);
        }
        Files.createDirectories(out);
        String train = features.resolve(FeaturesTableContract.TRAIN_DIR).toString();
        export("train", train, Holdout.training(validationParts, 0));
        export("val", train, Holdout.validation(validationParts, 0));
        export("test", features.resolve(FeaturesTableContract.TEST_DIR).toString(), Holdout.ALL);
        return 0;
    }

    private void export(String side, String dir, Holdout holdout) throws IOException {
        try (LittleEndianFile y = new LittleEndianFile(out.resolve(side + "_y.i32"));
                LittleEndianFile hlf = new LittleEndianFile(out.resolve(side + "_hlf.f32"));
                LittleEndianFile n = new LittleEndianFile(out.resolve(side + "_n.i32"));
                LittleEndianFile particles = new LittleEndianFile(out.resolve(side + "_particles.f32"))) {
            long events = 0;
            for (FeatureSplit split : FeatureDataset.open(dir).splits()) {
                EventBlock b = holdout.filter(split, ParquetFeatureReader.read(split, true));
                for (int e = 0; e < b.size(); e++) {
                    y.writeInt(b.labels()[e]);
                    n.writeInt(Math.min(b.nParticles()[e], rows));
                    hlf.floats(b.hlf(), e * FeaturesTableContract.N_HLF, FeaturesTableContract.N_HLF);
                    particles.floats(b.particles(), e * FeaturesTableContract.PARTICLE_VALUES, rows * F);
                }
                events += b.size();
            }
            for (LittleEndianFile f : new LittleEndianFile[] {y, hlf, n, particles}) {
                f.commit();
            }
            System.out.printf("%s: %d events%n", side, events);
        }
    }
}
