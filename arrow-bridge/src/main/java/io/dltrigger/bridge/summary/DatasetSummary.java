package io.dltrigger.bridge.summary;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * A physicist's first look at a directory of Delphes files, read through our reader: events per sample
 * (the file-name prefix before the first '_', e.g. {@code ttbar_seed1_0000.root}) and a few per-event
 * distributions (jet and track multiplicities, MET, leading jet pT).
 */
public final class DatasetSummary {
    private static final List<String> BRANCHES = List.of("Jet_size", "EFlowTrack_size", "MissingET.MET", "Jet.PT");
    private static final String[] LABELS = {"jets", "tracks", "MET [GeV]", "leading jet pT [GeV]"};

    private DatasetSummary() {}

    public static void print(Path dir, String treeName, BufferAllocator allocator, PrintStream out) throws Exception {
        Map<String, List<float[]>> bySample = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".root"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds no .root file");
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String sample = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
            List<float[]> rows = bySample.computeIfAbsent(sample, k -> new ArrayList<>());
            try (RootFile f = RootFile.open(p.toString())) {
                RootTree t = f.tree(treeName);
                t.requireBranches(BRANCHES);
                for (EntryRange r : t.planChunks(BRANCHES, 50_000)) {
                    try (VectorSchemaRoot root = t.read(BRANCHES, r, allocator)) {
                        addRows(root, rows);
                    }
                }
            }
        }
        out.printf("%-8s %9s", "sample", "events");
        for (String l : LABELS) {
            out.printf("  %-26s", l + " (median, 90%)");
        }
        out.println();
        for (Map.Entry<String, List<float[]>> e : bySample.entrySet()) {
            List<float[]> rows = e.getValue();
            out.printf("%-8s %9d", e.getKey(), rows.size());
            for (int c = 0; c < LABELS.length; c++) {
                float[] col = new float[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i)[c];
                }
                Arrays.sort(col);
                out.printf(
                        "  %-26s",
                        col.length == 0 ? "-" : String.format("%.1f, %.1f", quantile(col, 0.5), quantile(col, 0.9)));
            }
            out.println();
        }
    }

    private static void addRows(VectorSchemaRoot root, List<float[]> rows) {
        IntVector jets = (IntVector) root.getVector("Jet_size");
        IntVector tracks = (IntVector) root.getVector("EFlowTrack_size");
        ListVector met = (ListVector) root.getVector("MissingET.MET");
        ListVector jetPt = (ListVector) root.getVector("Jet.PT");
        for (int i = 0; i < root.getRowCount(); i++) {
            rows.add(new float[] {jets.get(i), tracks.get(i), first(met, i), first(jetPt, i)});
        }
    }

    /** First element of row i, or 0 for an empty list (Delphes orders jets by decreasing pT). */
    private static float first(ListVector list, int i) {
        int start = list.getElementStartIndex(i);
        FieldVector data = list.getDataVector();
        return list.getElementEndIndex(i) > start ? ((Float4Vector) data).get(start) : 0f;
    }

    private static float quantile(float[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
