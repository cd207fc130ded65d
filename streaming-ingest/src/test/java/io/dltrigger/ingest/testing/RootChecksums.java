package io.dltrigger.ingest.testing;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.table.MemberColumn;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/** Column checksums computed from the ROOT files directly (the bridge's reader, no Flink, whole trees). */
public final class RootChecksums {
    private RootChecksums() {}

    /** Column name -> checksum over all the files. */
    public static Map<String, Checksum> of(List<Path> files, String tree, List<MemberColumn> members) throws Exception {
        return of(files, tree, members, null);
    }

    /** Column name -> checksum over these entries of one file. */
    public static Map<String, Checksum> ofEntries(
            Path file, String tree, List<MemberColumn> members, java.util.Collection<Long> entries) throws Exception {
        return of(List.of(file), tree, members, new java.util.HashSet<>(entries));
    }

    private static Map<String, Checksum> of(
            List<Path> files, String tree, List<MemberColumn> members, java.util.Set<Long> only) throws Exception {
        Map<String, Checksum> sums = new HashMap<>();
        List<String> branches = members.stream().map(MemberColumn::branch).toList();
        try (RootAllocator allocator = new RootAllocator()) {
            for (Path f : files) {
                try (RootFile root = RootFile.open(f.toString())) {
                    RootTree t = root.tree(tree);
                    try (VectorSchemaRoot batch = t.read(branches, new EntryRange(0, t.entries()), allocator)) {
                        for (MemberColumn m : members) {
                            ListVector v = (ListVector) batch.getVector(m.branch());
                            Checksum c = Checksum.ZERO;
                            for (int i = 0; i < batch.getRowCount(); i++) {
                                if (only != null && !only.contains((long) i)) {
                                    continue;
                                }
                                List<?> values = v.getObject(i);
                                long bits = 0;
                                for (Object x : values) {
                                    bits += Checksum.bitsOf(x);
                                }
                                c = c.plusEvent(values.size(), bits);
                            }
                            if (c.events() > 0) {
                                sums.merge(m.column(), c, Checksum::plus);
                            }
                        }
                    }
                }
            }
        }
        return sums;
    }
}
