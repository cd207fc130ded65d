package io.dltrigger.bridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.bridge.summary.BranchSummary;
import io.dltrigger.bridge.summary.DatasetSummary;
import io.dltrigger.bridge.summary.TreeSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Lists a ROOT file's trees and branches, or with --summary prints per leaf branch the figures an
 * independent reader can be checked against (the shape of JSROOT's root-summary.mjs output).
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description =
                "List trees and branches of a ROOT file (local path, root://, https://, or a Hadoop URI); --summary prints JSON figures per branch.")
final class InspectCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            description =
                    "ROOT file (path or URI: file:, root://, https://, hdfs:, ...), or a local directory of Delphes files to summarize per sample")
    String file;

    @Option(names = "--tree", description = "tree to inspect (default: every tree; the first one for --summary)")
    String tree;

    @Option(
            names = "--summary",
            description = "print JSON: entries, and per leaf branch values, sum, sumsq, min, max, first")
    boolean summary;

    @Override
    public Integer call() throws Exception {
        if (Files.isDirectory(Path.of(file))) {
            try (BufferAllocator allocator = new RootAllocator()) {
                DatasetSummary.print(Path.of(file), tree == null ? "Delphes" : tree, allocator, System.out);
            }
            return 0;
        }
        try (RootFile f = RootFile.open(file);
                BufferAllocator allocator = new RootAllocator()) {
            List<String> trees = tree != null ? List.of(tree) : f.treeNames();
            if (summary) {
                if (trees.isEmpty()) {
                    throw new IllegalArgumentException(file + " holds no tree");
                }
                System.out.println(summaryJson(f, f.tree(trees.get(0)), allocator));
                return 0;
            }
            for (String t : trees) {
                RootTree rt = f.tree(t);
                System.out.printf(
                        "tree %s: %d entries, %d leaf branches%n",
                        t, rt.entries(), rt.branches().size());
                for (BranchInfo b : rt.branches()) {
                    System.out.printf("  %-40s %-22s %s%n", b.name(), b.typeName(), b.title());
                }
            }
            return 0;
        }
    }

    private static String summaryJson(RootFile f, RootTree tree, BufferAllocator allocator) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", f.location().substring(f.location().lastIndexOf('/') + 1));
        out.put("tree", tree.name());
        out.put("entries", tree.entries());
        out.put("reader", "DLTrigger arrow-bridge (Laurelin core)");
        out.put(
                "skipped",
                tree.branches().stream()
                        .filter(b -> !b.supported())
                        .map(b -> b.name() + ": " + b.unsupportedReason())
                        .toList());
        Map<String, Object> branches = new LinkedHashMap<>();
        for (Map.Entry<String, BranchSummary> e :
                TreeSummary.summarize(tree, allocator, 10_000).entrySet()) {
            BranchSummary s = e.getValue();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("values", s.values());
            b.put("sum", s.sum());
            b.put("sumsq", s.sumsq());
            b.put("min", s.values() == 0 ? null : s.min());
            b.put("max", s.values() == 0 ? null : s.max());
            b.put("first", s.first().stream().map(Object::toString).toList());
            branches.put(e.getKey(), b);
        }
        out.put("branches", branches);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out);
    }
}
