package io.dltrigger.ingest.testing;

import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.testing.TestData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Input files for the module's tests, put in place by the completeness convention (written under a
 * hidden in-progress name, then renamed). Real ROOT files: the repository's Delphes file (a real Delphes tree
 * written by ROOT), and broken variants of it.
 */
public final class TestInputs {
    /** The members of the real Delphes file's Particle collection: what the tests ingest from it. */
    public static final Map<String, List<String>> PARTICLE =
            new LinkedHashMap<>(Map.of("Particle", List.of("PT", "Eta", "Phi", "Charge", "PID")));

    public static final int EIC_ENTRIES = 1000;

    private TestInputs() {}

    /** {@code testdata/root/eic_delphes_output.root}: a real Delphes tree written by ROOT. */
    public static Path eicDelphes() {
        return TestData.rootFile("eic_delphes_output.root");
    }

    /** Copies {@code source} to {@code dir/name} the way a well-behaved writer does: temp name, then rename. */
    public static Path drop(Path source, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + name + ".inprogress");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The first {@code fraction} of a ROOT file, as left by an interrupted copy. */
    public static Path truncated(Path source, Path dir, String name, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        Files.write(p, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return p;
    }

    /** A ROOT file whose bytes from {@code fraction} of its length on are overwritten for 64 KiB. */
    public static Path corrupted(Path source, Path dir, String name, double fraction) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            long at = (long) (f.length() * fraction);
            f.seek(at);
            byte[] junk = new byte[(int) Math.min(65536, f.length() - at)];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.write(junk);
        }
        return p;
    }

    /** Settings for a bounded test run with small chunks and short intervals. */
    public static IngestSettings settings(Path input, Path output) {
        return settings(input.toString(), output);
    }

    /** The same, for an input given as a location (root://, https://, file:). */
    public static IngestSettings settings(String input, Path output) {
        IngestSettings s = new IngestSettings();
        s.input = List.of(input);
        s.output = output.toString();
        s.bounded = true;
        s.parallelism = 2;
        s.chunkEvents = 200;
        s.checkpointInterval = "300ms";
        s.discoveryInterval = "200ms";
        s.compression = "snappy";
        return s;
    }
}
