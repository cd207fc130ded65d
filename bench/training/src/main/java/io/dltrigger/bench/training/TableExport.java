package io.dltrigger.bench.training;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ParquetFeatureReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * is written under a hidden name and renamed when complete.
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
        try (Sink y = new Sink(side + "_y.i32");
                Sink hlf = new Sink(side + "_hlf.f32");
                Sink n = new Sink(side + "_n.i32");
                Sink particles = new Sink(side + "_particles.f32")) {
            long events = 0;
            for (FeatureSplit split : FeatureDataset.open(dir).splits()) {
                EventBlock b = holdout.filter(split, ParquetFeatureReader.read(split, true));
                for (int e = 0; e < b.size(); e++) {
                    y.putInt(b.labels()[e]);
                    n.putInt(Math.min(b.nParticles()[e], rows));
                    hlf.putFloats(b.hlf(), e * FeaturesTableContract.N_HLF, FeaturesTableContract.N_HLF);
                    particles.putFloats(b.particles(), e * FeaturesTableContract.PARTICLE_VALUES, rows * F);
                }
                events += b.size();
            }
            for (Sink s : new Sink[] {y, hlf, n, particles}) {
                s.commit();
            }
            System.out.printf("%s: %d events%n", side, events);
        }
    }

    /** A little-endian output file under a hidden name, renamed to its own on commit; deleted if closed before. */
    private final class Sink implements AutoCloseable {
        private final Path target;
        private final Path temp;
        private final OutputStream stream;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Sink(String name) throws IOException {
            target = out.resolve(name);
            temp = out.resolve("." + name + ".tmp");
            stream = new BufferedOutputStream(Files.newOutputStream(temp));
        }

        void putInt(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void putFloats(float[] src, int from, int count) throws IOException {
            for (int i = 0; i < count; i++) {
                room(4);
                buf.putFloat(src[from + i]);
            }
        }

        private void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                stream.write(buf.array(), 0, buf.position());
                buf.clear();
            }
        }

        void commit() throws IOException {
            stream.write(buf.array(), 0, buf.position());
            stream.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void close() throws IOException {
            stream.close();
            Files.deleteIfExists(temp);
        }
    }
}
