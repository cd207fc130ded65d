package io.dltrigger.generator.rootio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.summary.BranchSummary;
import io.dltrigger.bridge.summary.TreeSummary;
import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.physics.EventGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files of generated events, written by our writer, read the same through two readers that share no
 * code: JSROOT (the ROOT team's JavaScript reader) and our arrow-bridge reader (Laurelin's core). Every
 * leaf branch: same count of values, same sum, sum of squares, min and max.
 */
class GeneratedFilesReadIdenticallyTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(EventClass.class)
    void jsrootAndOurReaderAgreeOnEveryBranch(EventClass sample) throws Exception {
        Path file = tmp.resolve(sample.id() + "_seed5_0000.root");
        EventGenerator generator = new EventGenerator(sample, 5);
        // Small baskets so that the file has several baskets and clusters per branch.
        try (DelphesRootWriter w = new DelphesRootWriter(
                file, WriterOptions.defaults().withBasketBytes(16 * 1024).withEntriesPerCluster(100))) {
            for (int i = 0; i < 400; i++) {
                w.write(generator.next());
            }
        }
        JsonNode js = Jsroot.summary(file);
        assertTrue(js.get("skipped").isEmpty(), "JSROOT skipped " + js.get("skipped"));
        try (RootFile f = RootFile.open(file.toString());
                BufferAllocator allocator = new RootAllocator()) {
            var tree = f.tree("Delphes");
            assertEquals(js.get("entries").asLong(), tree.entries());
            TreeSet<String> ourBranches =
                    new TreeSet<>(tree.branches().stream().map(BranchInfo::name).toList());
            TreeSet<String> theirBranches = new TreeSet<>();
            js.get("branches").fieldNames().forEachRemaining(theirBranches::add);
            assertEquals(theirBranches, ourBranches, "leaf branches");
            assertTrue(tree.branches().stream().allMatch(BranchInfo::supported), "every branch decodes");

            Map<String, BranchSummary> ours = TreeSummary.summarize(tree, allocator, 100);
            List<String> diffs = new ArrayList<>();
            js.get("branches").fields().forEachRemaining(e -> {
                BranchSummary s = ours.get(e.getKey());
                JsonNode j = e.getValue();
                if (j.get("values").asLong() != s.values()) {
                    diffs.add(e.getKey() + " values " + s.values() + " != " + j.get("values"));
                    return;
                }
                compare(diffs, e.getKey() + " sum", j.get("sum").asDouble(), s.sum());
                compare(diffs, e.getKey() + " sumsq", j.get("sumsq").asDouble(), s.sumsq());
                if (s.values() > 0) {
                    compare(diffs, e.getKey() + " min", j.get("min").asDouble(), s.min());
                    compare(diffs, e.getKey() + " max", j.get("max").asDouble(), s.max());
                }
            });
            assertTrue(diffs.isEmpty(), diffs.toString());
            assertTrue(ours.get("EFlowTrack.PT").values() > 400 * 100, "realistic track multiplicity");
        }
    }

    private static void compare(List<String> diffs, String what, double expected, double actual) {
        if (Math.abs(expected - actual) > 1e-9 * Math.max(1, Math.abs(expected))) {
            diffs.add(what + " " + actual + " != " + expected);
        }
    }
}
