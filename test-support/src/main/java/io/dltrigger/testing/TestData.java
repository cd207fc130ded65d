package io.dltrigger.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's {@code testdata/} folder (real ROOT files from public test suites, an independent reader's
 * figures for them, the JSROOT summary script): the one place every test finds it. A missing folder or file
 * is an error, never a reason to skip: a clone that lacks test data must not pass while testing less.
 */
public final class TestData {
    private static final Path HOME = locate();

    private TestData() {}

    /** The {@code testdata/} folder of the repository these tests run in. */
    public static Path home() {
        return HOME;
    }

    /** {@code testdata/root/NAME}: a real ROOT file. */
    public static Path rootFile(String name) {
        return existing(HOME.resolve("root").resolve(name));
    }

    /** Every real ROOT file, by name. */
    public static List<String> rootFileNames() {
        try (Stream<Path> files = Files.list(HOME.resolve("root"))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".root"))
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("no ROOT files in " + HOME.resolve("root"));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code testdata/root/expected/NAME.json}: JSROOT's summary of the ROOT file {@code rootFileName}. */
    public static Path expectedSummary(String rootFileName) {
        return existing(HOME.resolve("root").resolve("expected").resolve(rootFileName.replace(".root", ".json")));
    }

    /** {@code testdata/parquet/NAME}: a Parquet file written by our own writer, read by the other stacks. */
    public static Path parquetFile(String name) {
        return existing(HOME.resolve("parquet").resolve(name));
    }

    /** {@code testdata/tools/NAME}. */
    public static Path tool(String name) {
        return existing(HOME.resolve("tools").resolve(name));
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("test data file missing: " + p + " (see testdata/README.md)");
        }
        return p;
    }

    /** Up from the working directory (a module's folder under Maven) to the folder holding testdata/. */
    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no testdata/ folder in " + start + " or above: the tests need the"
                + " repository's testdata/ (see testdata/README.md)");
    }
}
