import io.dltrigger.contract.EventClass;
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
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Investigation tool of bench/physics-probe.sh (not part of the pipeline): generates events in memory, applies
 * the features stage's selection and features (unscaled, particle rows as read), and writes per class raw
 * little-endian files for probe.py: CLASS_hlf.f32 [n, 14], CLASS_n.i32 [n] (real particle rows),
 * CLASS_particles.f32 [sum n, 19]. Usage: Export SELECTED_PER_CLASS SEED OUT_DIR [qcd,ttbar,wjets].
 */
public final class Export {
    public static void main(String[] args) throws IOException {
        int perClass = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        List<String> only = args.length > 3 ? List.of(args[3].split(",")) : null;
        Files.createDirectories(out);
        EventProcessor proc = new EventProcessor(
                Cuts.REFERENCE, LeptonChoice.PT, MtForm.SQUARED, ParticleOrder.AS_READ, ConeSum.Kind.BINNED);
        EventBuffer buf = new EventBuffer();
        for (EventClass c : EventClass.values()) {
            if (only != null && !only.contains(c.id())) {
                continue;
            }
            EventGenerator gen = new EventGenerator(c, seed * 31 + c.ordinal());
            try (DataOutputStream hlf = open(out.resolve(c.id() + "_hlf.f32"));
                    DataOutputStream particles = open(out.resolve(c.id() + "_particles.f32"));
                    DataOutputStream rows = open(out.resolve(c.id() + "_n.i32"))) {
                int selected = 0;
                long generated = 0;
                while (selected < perClass) {
                    DelphesEvent e = gen.next();
                    generated++;
                    for (Field f : Field.all()) {
                        String collection = f.collection().defaultBranch();
                        if (f.integer()) {
                            buf.set(f, e.ints(collection, f.member()));
                        } else {
                            buf.set(f, e.floats(collection, f.member()));
                        }
                    }
                    if (proc.process(buf) != EventProcessor.Outcome.SELECTED) {
                        continue;
                    }
                    selected++;
                    for (float v : proc.hlf()) {
                        hlf.writeFloat(v);
                    }
                    rows.writeInt(proc.rows());
                    for (int v = 0; v < proc.rows() * 19; v++) {
                        particles.writeFloat(proc.particles()[v]);
                    }
                }
                System.out.println(c.id() + ": selected " + selected + " of " + generated);
            }
        }
    }

    private static DataOutputStream open(Path p) throws IOException {
        return new DataOutputStream(new LittleEndian(new BufferedOutputStream(Files.newOutputStream(p), 1 << 20)));
    }

    /** DataOutputStream writes big-endian; every value here is 4 bytes, so each 4-byte word is reversed. */
    private static final class LittleEndian extends FilterOutputStream {
        private final byte[] word = new byte[4];
        private int k;

        LittleEndian(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            word[k++] = (byte) b;
            if (k == 4) {
                out.write(word[3]);
                out.write(word[2]);
                out.write(word[1]);
                out.write(word[0]);
                k = 0;
            }
        }
    }
}
