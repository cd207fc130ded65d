package io.dltrigger.bridge.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.bridge.summary.BranchSummary;
import io.dltrigger.bridge.summary.TreeSummary;
import io.dltrigger.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real ROOT file in testdata/root, read by our reader, against the figures of an
 * independent reader (JSROOT) in expected/NAME.json: per leaf branch the number of values, sum, min and
 * max. Branches we cannot decode must be exactly the documented limitations below.
 */
class RealRootFilesTest {
    /** Documented limitations (README "Supported ROOT content"): branch -> why it is not decoded. */
    static final Map<String, Set<String>> KNOWN_UNSUPPORTED = Map.of(
            "eic_delphes_output.root",
                    Set.of(
                            "Tower.Edges[4]",
                            "Tower.Particles",
                            "Track.Particle",
                            "Event.fBits",
                            "Weight.fBits",
                            "Particle.fBits",
                            "Track.fBits",
                            "Tower.fBits"),
            "uproot-small-flat-tree.root", Set.of("Str"),
            "uproot-Zmumu.root", Set.of("Type"));

    static Stream<String> files() {
        return TestData.rootFileNames().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void matchesIndependentReader(String fileName) throws Exception {
        JsonNode expected =
                new ObjectMapper().readTree(TestData.expectedSummary(fileName).toFile());
        try (RootFile file = RootFile.open(TestData.rootFile(fileName).toString());
                BufferAllocator allocator = new RootAllocator()) {
            RootTree tree = file.tree(expected.get("tree").asText());
            assertEquals(expected.get("entries").asLong(), tree.entries(), "entries");
            Map<String, BranchSummary> ours = TreeSummary.summarize(tree, allocator, 1000);

            Set<String> unsupported = new TreeSet<>();
            tree.branches().stream().filter(b -> !b.supported()).forEach(b -> unsupported.add(b.name()));
            assertEquals(
                    KNOWN_UNSUPPORTED.getOrDefault(fileName, Set.of()),
                    unsupported,
                    "unsupported branches differ from the documented limitations");

            List<String> mismatches = new ArrayList<>();
            expected.get("branches").fields().forEachRemaining(e -> {
                String branch = e.getKey();
                JsonNode exp = e.getValue();
                if (unsupported.contains(branch)) {
                    return;
                }
                BranchSummary s = ours.get(branch);
                if (s == null) {
                    mismatches.add(branch + ": not listed by our reader");
                    return;
                }
                if (exp.get("first").size() > 0 && exp.get("first").get(0).isTextual()) {
                    // JSROOT reads a Char_t[N] array as a C string; we read N int8 values per entry.
                    checkCharArray(
                            mismatches, branch, exp, s, expected.get("entries").asLong());
                    return;
                }
                if (exp.get("values").asLong() != s.values()) {
                    mismatches.add(branch + ": values " + s.values() + " != "
                            + exp.get("values").asLong());
                    return;
                }
                if (s.values() == 0) {
                    return;
                }
                // JSROOT decodes 64-bit integers through doubles, two 32-bit halves at a time: near +-2^63 it
                // is off by up to 2^32, so a sum is compared within 1e-9 of the largest magnitude per value.
                double magnitude = Math.max(Math.abs(s.min()), Math.abs(s.max()));
                checkWithin(
                        mismatches,
                        branch,
                        "sum",
                        exp.get("sum").asDouble(),
                        s.sum(),
                        1e-6 * Math.max(1.0, Math.abs(exp.get("sum").asDouble())) + 1e-9 * magnitude * s.values());
                check(mismatches, branch, "min", exp.get("min").asDouble(), s.min());
                check(mismatches, branch, "max", exp.get("max").asDouble(), s.max());
            });
            assertTrue(mismatches.isEmpty(), fileName + ": " + mismatches);
        }
    }

    private static void check(List<String> out, String branch, String what, double expected, double actual) {
        checkWithin(out, branch, what, expected, actual, 1e-6 * Math.max(1.0, Math.abs(expected)));
    }

    private static void checkCharArray(List<String> out, String branch, JsonNode exp, BranchSummary s, long entries) {
        List<Object> ours = s.first();
        for (int i = 0; i < exp.get("first").size(); i++) {
            String text = exp.get("first").get(i).asText();
            @SuppressWarnings("unchecked")
            List<Number> values = (List<Number>) ours.get(i);
            StringBuilder decoded = new StringBuilder();
            for (Number v : values) {
                if (v.intValue() == 0) {
                    break;
                }
                decoded.append((char) v.intValue());
            }
            if (!decoded.toString().equals(text)) {
                out.add(branch + ": entry " + i + " reads " + values + ", JSROOT's string is '" + text + "'");
            }
        }
        if (s.values() % entries != 0) {
            out.add(branch + ": " + s.values() + " values is not a fixed number per entry");
        }
    }

    private static void checkWithin(
            List<String> out, String branch, String what, double expected, double actual, double tolerance) {
        if (Math.abs(expected - actual) > tolerance) {
            out.add(branch + ": " + what + " " + actual + " != " + expected);
        }
    }
}
