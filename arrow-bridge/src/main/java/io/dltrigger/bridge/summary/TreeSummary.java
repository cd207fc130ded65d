package io.dltrigger.bridge.summary;

import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootTree;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Summarizes every readable leaf branch of a tree, reading it chunk by chunk. */
public final class TreeSummary {
    private TreeSummary() {}

    public static Map<String, BranchSummary> summarize(RootTree tree, BufferAllocator allocator, long chunkEvents)
            throws IOException {
        Map<String, BranchSummary> out = new LinkedHashMap<>();
        for (BranchInfo b : tree.branches()) {
            if (!b.supported()) {
                continue;
            }
            List<String> one = List.of(b.name());
            BranchSummary s = new BranchSummary();
            for (EntryRange r : tree.planChunks(one, chunkEvents)) {
                try (VectorSchemaRoot root = tree.read(one, r, allocator)) {
                    s.add(root.getVector(0));
                }
            }
            out.put(b.name(), s);
        }
        return out;
    }
}
