package io.dltrigger.bench.features;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.features.config.Cuts;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import io.dltrigger.features.physics.ConeSum;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.EventProcessor;
import io.dltrigger.features.physics.Field;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.physics.EventGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench-features export-physics}: the investigation data of {@code bench/physics-probe.sh} (issue 17),
 * outside the pipeline. Generates events in memory, applies the features stage's selection and features (the
 * kernel of {@code features}: reference cuts, lepton by pT, unscaled, particle rows as read, the lepton first)
 * and writes, per class, raw little-endian files for {@code bench/physics-probe/probe.py}: {@code CLASS_hlf.f32}
 * [n, 14], {@code CLASS_n.i32} [n] (real particle rows per event) and {@code CLASS_particles.f32} [sum of n, 19].
 * Each class's generator seed is derived from (seed, class) only, so one class can be exported again alone.
 * Files are written under hidden temporary names and renamed when the class is complete.
 */
@Command(
        name = "export-physics",
        mixinStandardHelpOptions = true,
        description = "Write selected generated events' HLF and particle lists as raw arrays (bench/physics-probe.sh).")
public final class PhysicsExport implements Callable<Integer> {
    private static final int F = FeaturesTableContract.PARTICLE_FEATURES;

    @Option(names = "--per-class", required = true, description = "selected events to write per class")
    int perClass;

    @Option(names = "--seed", defaultValue = "1", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Option(
            names = "--classes",
            split = ",",
            defaultValue = "qcd,ttbar,wjets",
            description = "classes to export (default: ${DEFAULT-VALUE})")
    List<String> classes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (perClass <= 0) {
            throw new ParameterException(spec.commandLine(), "--per-class must be positive, got " + perClass);
        }
        List<EventClass> wanted = new ArrayList<>();
        for (String id : classes) {
            try {
                wanted.add(EventClass.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--classes: " + e.getMessage());
            }
        }
        Files.createDirectories(out);
        for (EventClass c : wanted) {
            export(c);
        }
        return 0;
    }

    private void export(EventClass c) throws IOException {
        EventProcessor proc = new EventProcessor(
                Cuts.REFERENCE, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ, ConeSum.Kind.BINNED);
        EventBuffer buf = new EventBuffer();
        EventGenerator gen = new EventGenerator(c, seed * 31 + c.ordinal());
        Path hlfPath = out.resolve(c.id() + "_hlf.f32");
        Path rowsPath = out.resolve(c.id() + "_n.i32");
        Path particlesPath = out.resolve(c.id() + "_particles.f32");
        long generated = 0;
        try (LittleEndianFile hlf = new LittleEndianFile(hlfPath);
                LittleEndianFile rows = new LittleEndianFile(rowsPath);
                LittleEndianFile particles = new LittleEndianFile(particlesPath)) {
            int selected = 0;
            while (selected < perClass) {
                fill(gen.next(), buf);
                generated++;
                if (proc.process(buf) != EventProcessor.Outcome.SELECTED) {
                    continue;
                }
                selected++;
                hlf.floats(proc.hlf(), 0, FeaturesTableContract.N_HLF);
                rows.writeInt(proc.rows());
                particles.floats(proc.particles(), 0, proc.rows() * F);
            }
            hlf.commit();
            rows.commit();
            particles.commit();
        }
        System.out.printf("%s: selected %d of %d generated events%n", c.id(), perClass, generated);
    }

    /** Copies a generated event (the generator's default branch names) into the kernel's buffer. */
    private static void fill(DelphesEvent e, EventBuffer buf) {
        for (Field f : Field.all()) {
            String collection = f.collection().defaultBranch();
            if (f.integer()) {
                buf.set(f, e.ints(collection, f.member()));
            } else {
                buf.set(f, e.floats(collection, f.member()));
            }
        }
    }
}
